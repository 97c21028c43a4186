//! The HTML report: built from the sample cases, checked for structure, escaping and
//! self-containment, then opened in a real browser (Debian's chromium, headless), which must
//! render every verdict without a script error and take a screenshot.
//!
//! The browser tests need `chromium` (`/usr/bin/chromium` or on `PATH`); `.ci/run` installs it.
//! Without it they fail in CI (`CI` set) and are skipped, saying so, on a developer's machine;
//! `ENTRUST_SKIP_BROWSER=1` skips them anywhere. `ENTRUST_SCREENSHOT=FILE`
//! keeps a copy of the screenshot, `ENTRUST_REPORT=FILE` one of the page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use entrust::batch::{collect_inputs, load_cases};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::render::html;
use entrust::verdict::{Verdict, judge};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TITLE: &str = "Review <script>alert(1)</script> & co: sample cases";

/// The verdicts (with explanations) of every `.case` file of cases/kr, and the report.
fn kr_report(title: &str, mutate: impl FnOnce(&mut Vec<Verdict>)) -> (Vec<Verdict>, String) {
    let mut lib = Library::open(None);
    let (inputs, errs) = collect_inputs(&[PathBuf::from("cases/kr")]);
    assert!(errs.is_empty());
    // The .yaml files restate some .case files under the same ids.
    let inputs: Vec<_> = inputs
        .into_iter()
        .filter(|i| i.path.extension().is_some_and(|e| e == "case"))
        .collect();
    let (cases, errs) = load_cases(&mut lib, &inputs, None);
    let errs: Vec<String> = errs.iter().map(|d| d.render(&lib.sources)).collect();
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    let mut ev = Evaluator::new();
    let mut verdicts = Vec::new();
    let mut packs = Vec::new();
    for c in &cases {
        for (i, b) in &c.bound {
            let pack = &lib.packs[*i];
            verdicts.push(judge(pack, &c.case, b, &mut ev, Some(&lib.sources)));
            packs.push(pack);
        }
    }
    assert!(verdicts.len() > 40, "only {} verdicts", verdicts.len());
    mutate(&mut verdicts);
    let items: Vec<_> = verdicts.iter().zip(packs.iter().copied()).collect();
    let page = html::report(
        &items,
        title,
        entrust::words::words(entrust::lang::Lang::En),
    );
    (verdicts, page)
}

fn anchor(n: usize, v: &Verdict) -> String {
    let slug: String =
        v.id.chars()
            .take(60)
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
    format!("case-{}-{slug}", n + 1)
}

/// Every value of `attr="..."` in the page.
fn attr_values<'a>(page: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    page.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &page[i + pat.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// The part of the page from the section of case `n` to the next.
fn section<'a>(page: &'a str, n: usize, v: &Verdict) -> &'a str {
    let start = page
        .find(&format!("id=\"{}\"", anchor(n, v)))
        .unwrap_or_else(|| panic!("no section for {}", v.id));
    let rest = &page[start..];
    let end = rest[1..]
        .find("<section class=\"case\"")
        .map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

fn capitalized(s: &str) -> String {
    let s = s.replace('_', " ");
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lawful_word(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "Lawful",
        Some(false) => "Unlawful",
        None => "Lawfulness open",
    }
}

#[test]
fn the_report_of_the_sample_cases_is_whole_self_contained_and_escaped() {
    let evil = "A <script>alert('x')</script> & \"quoted\" case";
    let (verdicts, page) = kr_report(TITLE, |vs| vs[0].title = Some(evil.to_string()));
    let n = verdicts.len();

    // One page, starting as HTML5 does.
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.trim_end().ends_with("</html>"));
    assert_eq!(page.matches("<section class=\"case\"").count(), n);

    // Escaping: the report title and a case title holding markup.
    assert!(
        page.contains(
            "<title>Review &lt;script&gt;alert(1)&lt;/script&gt; &amp; co: sample cases</title>"
        ),
        "the title is not escaped"
    );
    assert!(page.contains(
        "A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; case"
    ));
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("& co"));
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "one inline script only"
    );
    for s in ["<SCRIPT", "onerror=", "onclick=", "onload=", "javascript:"] {
        assert!(!page.contains(s), "{s}");
    }

    // Nothing from elsewhere: no addresses, no linked files, no fetched fonts or images.
    for s in [
        "http://",
        "https://",
        "//cdn",
        "<link",
        " src=",
        "@import",
        "@font-face",
        "<img",
        "<iframe",
        "<object",
        "<embed",
    ] {
        assert!(
            !page.contains(s),
            "the page refers to something outside it: {s}"
        );
    }
    for (i, _) in page.match_indices("url(") {
        assert!(
            page[i + 4..].starts_with('#'),
            "url() to something outside the page: {}",
            &page[i..(i + 40).min(page.len())]
        );
    }
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));

    // Ids unique; every link leads somewhere in the page.
    let ids = attr_values(&page, "id");
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "an id is used twice");
    for h in attr_values(&page, "href") {
        let target = h
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("link out: {h}"));
        assert!(ids.contains(&target), "broken link #{target}");
    }
    for r in attr_values(&page, "aria-labelledby") {
        for id in r.split(' ') {
            assert!(
                ids.contains(&id),
                "aria-labelledby names a missing id: {id}"
            );
        }
    }

    // The summary table: a row per case, linking to its section.
    let summary = &page[page.find("<table class=\"summary\">").unwrap()..];
    let summary = &summary[..summary.find("</table>").unwrap()];
    for h in ["Case", "Pack", "Classification", "Lawful", "Violations"] {
        assert!(
            summary.contains(&format!("<th scope=\"col\">{h}</th>")),
            "{h}"
        );
    }
    assert_eq!(summary.matches("<tr>").count(), n + 1);
    for (k, v) in verdicts.iter().enumerate() {
        assert!(
            summary.contains(&format!(
                "<a href=\"#{}\" data-case=\"{}\"><code>{}</code></a>",
                anchor(k, v),
                k + 1,
                v.id
            )),
            "{} missing from the summary",
            v.id
        );
    }

    // Each case: its verdict, violations, chart with a text alternative, requirements, questions.
    let mut charts = 0;
    for (k, v) in verdicts.iter().enumerate() {
        let s = section(&page, k, v);
        assert!(s.contains(&format!("<code>{}</code>", v.id)), "{}", v.id);
        assert!(s.contains("<h2 id="), "{}: no heading", v.id);
        assert!(
            s.contains(&format!(
                "<dt>Classification</dt><dd>{}",
                capitalized(&v.classification)
            )),
            "{}: classification",
            v.id
        );
        assert!(
            s.contains(&format!("<dt>Lawful</dt><dd>{}", lawful_word(v.lawful))),
            "{}: lawfulness",
            v.id
        );
        for x in &v.violations {
            assert!(
                s.contains(&format!("<td><code>{}</code></td>", x.code)),
                "{}",
                x.code
            );
            if let Some(e) = &x.exposes {
                let e = e.replace('&', "&amp;").replace('\'', "&#39;");
                assert!(s.contains(&e), "{}: {} exposure", v.id, x.code);
            }
        }
        for u in &v.unknowns {
            assert!(
                s.contains(&format!("<td><code>{}</code></td>", u.fact)),
                "{}",
                u.fact
            );
        }
        for g in &v.not_checked {
            assert!(s.contains(">Not checked</h3>"), "{}: {}", v.id, g.rule);
            let title = g.title.replace('&', "&amp;").replace('\'', "&#39;");
            assert!(s.contains(&title), "{}: {}", v.id, g.rule);
        }
        for x in &v.possible_violations {
            assert!(s.contains(">Violations still possible</h3>"), "{}", v.id);
            assert!(
                s.contains(&format!("<td><code>{}</code></td>", x.code)),
                "{}: possible {}",
                v.id,
                x.code
            );
        }
        if v.periods.len() > 1 {
            assert!(s.contains("Stretches of law"), "{}", v.id);
        }
        assert!(
            s.contains("<table class=\"matrix\">"),
            "{}: requirements",
            v.id
        );
        let e = v.explanation.as_ref().unwrap();
        if e.periods.iter().any(|p| p.classification.is_some()) {
            assert!(s.contains("role=\"img\""), "{}: no chart", v.id);
            charts += s.matches("role=\"img\"").count();
            // The text alternative names each factor that fired.
            let p = &v.periods[0];
            for f in &p.factors {
                let id = f.split(':').nth(1).unwrap();
                assert!(
                    s.contains(&format!("<code>{id}</code>")),
                    "{}: factor {id}",
                    v.id
                );
            }
        }
    }
    assert!(charts >= n, "{charts} charts for {n} cases");

    // Statuses of requirements as the explanation gives them.
    for word in ["\u{2713} met", "\u{2717} violated", "? open", "excused"] {
        assert!(page.contains(word), "no requirement shown {word}");
    }
    // Print: a page per case, no dark background, links spelt out.
    assert!(page.contains("@media print"));
    assert!(page.contains(".case{break-before:page"));
    assert!(page.contains("a[data-case]::after"));
}

#[test]
fn a_verdict_without_explanation_still_renders() {
    let (_, page) = kr_report("Plain", |vs| {
        for v in vs.iter_mut() {
            v.explanation = None;
        }
    });
    assert!(page.contains("The reasoning was not included"));
    assert!(!page.contains("role=\"img\""));
}

// ---------------------------------------------------------------------------------------------
// The real browser.

/// Debian's chromium, if installed.
fn chromium() -> Option<PathBuf> {
    let fixed = Path::new("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed.to_path_buf());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("chromium"))
            .find(|p| p.is_file())
    })
}

/// Chromium, or `None` when the browser tests are to be skipped; fails when it is missing.
fn browser_or_skip(test: &str) -> Option<PathBuf> {
    if std::env::var("ENTRUST_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("{test}: skipped (ENTRUST_SKIP_BROWSER=1)");
        return None;
    }
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var_os("CI").is_none() => {
            eprintln!(
                "{test}: SKIPPED: chromium is not installed, so the page was not rendered in a \
                 browser (CI fails here; install it with `apt-get install -y chromium`)."
            );
            None
        }
        None => panic!(
            "{test}: chromium is not installed (looked for /usr/bin/chromium and `chromium` on \
             PATH). .ci/run installs it (`apt-get install -y chromium`); install it so, or set \
             ENTRUST_SKIP_BROWSER=1 to skip the browser tests."
        ),
    }
}

struct Run {
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs headless chromium on a page with extra arguments; fails if it takes over two minutes.
fn run_chromium(bin: &Path, page: &Path, profile: &Path, extra: &[String]) -> Run {
    let start = Instant::now();
    let out_dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (out_dir.path().join("out"), out_dir.path().join("err"));
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium took over two minutes on {}:\n{}",
                page.display(),
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap();
    let stderr = std::fs::read_to_string(&err_path).unwrap();
    assert!(status.success(), "chromium failed ({status}):\n{stderr}");
    Run {
        stdout,
        stderr,
        took: start.elapsed(),
    }
}

/// The lines of chromium's log that report a script error or any console message of the page
/// (the report writes nothing to the console, so any message is a fault).
fn console_errors(stderr: &str, page: &Path) -> Vec<String> {
    let name = page.file_name().unwrap().to_string_lossy().to_string();
    stderr
        .lines()
        .filter(|l| {
            l.contains("Uncaught")
                || l.contains("ERROR:CONSOLE")
                || (l.contains("CONSOLE") && l.contains(&name))
                || l.contains("Content Security Policy")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_browser_check_catches_a_script_error() {
    let Some(bin) = browser_or_skip("the_browser_check_catches_a_script_error") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("broken.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><body><p>x</p><script>no_such_function();</script></body></html>",
    )
    .unwrap();
    let run = run_chromium(
        &bin,
        &page,
        &dir.path().join("profile"),
        &["--dump-dom".into()],
    );
    let errors = console_errors(&run.stderr, &page);
    assert!(
        errors.iter().any(|l| l.contains("no_such_function")),
        "the script error was not seen in:\n{}",
        run.stderr
    );
}

#[test]
fn the_report_renders_in_a_real_browser() {
    let Some(bin) = browser_or_skip("the_report_renders_in_a_real_browser") else {
        return;
    };
    let (verdicts, page) = kr_report(TITLE, |_| {});
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    std::fs::write(&file, &page).unwrap();
    if let Some(keep) = std::env::var_os("ENTRUST_REPORT") {
        std::fs::write(keep, &page).unwrap();
    }

    // The DOM after the script ran.
    let run = run_chromium(&bin, &file, &dir.path().join("p1"), &["--dump-dom".into()]);
    let errors = console_errors(&run.stderr, &file);
    assert!(
        errors.is_empty(),
        "the browser reported errors about the page:\n{}",
        errors.join("\n")
    );
    let dom = &run.stdout;
    assert!(
        dom.contains("<html lang=\"en\" class=\"js\">"),
        "the page's script did not run to its end"
    );
    assert_eq!(
        dom.matches("<section class=\"case\"").count(),
        verdicts.len()
    );
    for (k, v) in verdicts.iter().enumerate() {
        let s = section(dom, k, v);
        assert!(
            s.contains(&format!(
                "<dt>Classification</dt><dd>{}",
                capitalized(&v.classification)
            )) && s.contains(&format!("<dt>Lawful</dt><dd>{}", lawful_word(v.lawful))),
            "{}: the browser does not show its verdict",
            v.id
        );
        for x in &v.violations {
            assert!(s.contains(&x.code), "{}: {}", v.id, x.code);
        }
    }
    eprintln!("dump-dom: {:.1} s", run.took.as_secs_f64());

    // A screenshot.
    let shot = dir.path().join("report.png");
    let run = run_chromium(
        &bin,
        &file,
        &dir.path().join("p2"),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".into(),
            "--hide-scrollbars".into(),
        ],
    );
    let errors = console_errors(&run.stderr, &file);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let png = std::fs::read(&shot).expect("no screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 20_000, "screenshot of {} bytes only", png.len());
    eprintln!("screenshot: {:.1} s", run.took.as_secs_f64());
    if let Some(keep) = std::env::var_os("ENTRUST_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}
