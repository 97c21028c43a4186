//! The HTML report: one self-contained page a lawyer can hand on. It sums many verdicts up in a
//! table, then gives each case its conclusion, a chart of the classification weighing, the
//! requirements stretch by stretch, the law not yet encoded and the open questions.
//!
//! Nothing is fetched: the style sheet, the charts (SVG) and a few lines of script are inline,
//! and a content security policy forbids any other load. The page prints (a page per case, no
//! dark backgrounds, links spelt out) and reads aloud (headings, table headers, a text
//! alternative for each chart). Every text that comes from a case or a pack is escaped.
//! Like every renderer it only reads verdicts and explanations (typed: node kinds, outcomes,
//! weights; it parses no text). Every phrase is the wording layer's ([`crate::words::HtmlWords`],
//! and the phrases it shares with the other reports), in the language the page declares in
//! `<html lang>`; the font stacks name Korean fonts after the Latin ones, so that Hangul is drawn
//! with real glyphs. Under each requirement, the articles' own words in force in the stretch
//! (`Pack::quotes`) are in the page, folded.

use crate::compile::pack::{Pack, WeighDef};
use crate::explain::{Node, NodeKind, Outcome, PeriodExplanation};
use crate::render::{balance_of, question_scope};
use crate::verdict::{DateRange, Verdict};
use crate::words::Words;
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A fragment identifier made of safe characters only.
fn slug(s: &str) -> String {
    s.chars()
        .take(60)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The anchor of the `n`th case (from 0): unique even when a case is judged under two packs.
fn anchor(n: usize, v: &Verdict) -> String {
    format!("case-{}-{}", n + 1, slug(&v.id))
}

/// First letter upper case.
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// At most `n` characters, with an ellipsis when cut.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A signed balance as printed: `+31`, `−19`, `0`.
fn signed(n: i32) -> String {
    match n {
        0 => "0".to_string(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", n.unsigned_abs()),
    }
}

/// The lawfulness as the page's data attribute writes it, the same in every language.
fn lawful_code(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "yes",
        Some(false) => "no",
        None => "open",
    }
}

fn lawful_class(l: Option<bool>) -> &'static str {
    match l {
        Some(true) => "law-yes",
        Some(false) => "law-no",
        None => "law-open",
    }
}

/// The CSS class of a classification value.
fn class_css(c: &str) -> &'static str {
    match c {
        "outsourcing" => "cls-outsourcing",
        "provision" => "cls-provision",
        "joint_control" => "cls-joint",
        "undecided" => "cls-undecided",
        _ => "cls-other",
    }
}

/// The strong and light colours of a classification value, for the charts.
fn class_colour(c: &str) -> (&'static str, &'static str) {
    match c {
        "outsourcing" => ("#0f766e", "#ccfbf1"),
        "provision" => ("#6d28d9", "#ede9fe"),
        "joint_control" => ("#1d4ed8", "#dbeafe"),
        "undecided" => ("#b45309", "#fef3c7"),
        _ => ("#475569", "#e2e8f0"),
    }
}

/// The CSS class and the mark of a result of the explanation.
fn status(result: &Outcome) -> (&'static str, &'static str) {
    match result {
        Outcome::Met => ("st-met", "\u{2713} "),
        Outcome::Violated => ("st-violated", "\u{2717} "),
        Outcome::Open => ("st-open", "? "),
        Outcome::Excused => ("st-excused", ""),
        Outcome::NotApplicable => ("st-na", ""),
        Outcome::True | Outcome::Fired => ("st-yes", ""),
        Outcome::False | Outcome::NotFired => ("st-no", ""),
        Outcome::Unknown => ("st-open", ""),
        _ => ("st-na", ""),
    }
}

fn badge(out: &mut String, w: &dyn Words, result: &Outcome) {
    let (class, mark) = status(result);
    let _ = write!(
        out,
        "<span class=\"badge {class}\">{mark}{}</span>",
        esc(&w.outcome(result))
    );
}

/// A stretch of days, breaking only between its two halves.
fn dates(w: &dyn Words, d: &DateRange) -> String {
    if d.from == d.to {
        format!("<span class=\"nw\">{}</span>", esc(&d.from))
    } else {
        let [a, b] = w.range_halves(&d.from, &d.to);
        format!(
            "<span class=\"nw\">{}</span> <span class=\"nw\">{}</span>",
            esc(&a),
            esc(&b)
        )
    }
}

fn stretch_label(w: &dyn Words, p: &PeriodExplanation, k: usize, n: usize) -> String {
    esc(&if n > 1 {
        w.stretch_of(k, n, &p.from, &p.to)
    } else if p.from == p.to {
        w.on_day(&p.from)
    } else {
        w.period_heading(&p.from, &p.to)
    })
}

const STYLE: &str = r#"
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#dde3ea;--soft:#f5f7fa;--navy:#1e3a5f;--paper:#fff;
--out:#0f766e;--out-l:#ccfbf1;--pro:#6d28d9;--pro-l:#ede9fe;--joint:#1d4ed8;--joint-l:#dbeafe;
--und:#b45309;--und-l:#fef3c7;--ok:#15803d;--ok-l:#dcfce7;--bad:#b91c1c;--bad-l:#fee2e2;
--exc:#1d4ed8;--exc-l:#dbeafe;--na:#64748b;--na-l:#f1f5f9}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#e9edf2;color:var(--ink);font:15px/1.5 "Liberation Sans","Helvetica Neue",Helvetica,Arial,"DejaVu Sans","Noto Sans CJK KR","Noto Sans KR",NanumGothic,"Apple SD Gothic Neo","Malgun Gothic",sans-serif}
.page{max-width:1120px;margin:24px auto;background:var(--paper);box-shadow:0 1px 3px rgba(15,23,42,.12),0 8px 24px rgba(15,23,42,.06);border-radius:6px;overflow:hidden}
.masthead{background:var(--navy);color:#fff;padding:28px 40px 24px}
.masthead .kicker{margin:0;font-size:12px;letter-spacing:.12em;text-transform:uppercase;opacity:.8}
.masthead h1{margin:6px 0 8px;font:600 30px/1.2 "Liberation Serif",Georgia,"DejaVu Serif","Noto Serif CJK KR","Noto Serif KR",NanumMyeongjo,serif}
.masthead p{margin:0;opacity:.92}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:18px 0 0;padding:0;list-style:none}
.stats li{background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.25);border-radius:4px;padding:6px 12px;font-size:13px}
.stats b{font-size:18px;margin-right:4px}
main{padding:8px 40px 32px}
h2{font:600 22px/1.3 "Liberation Serif",Georgia,"DejaVu Serif","Noto Serif CJK KR","Noto Serif KR",NanumMyeongjo,serif;color:var(--navy);margin:28px 0 10px}
h3{font-size:15px;text-transform:uppercase;letter-spacing:.06em;color:var(--navy);margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h4{font-size:15px;margin:18px 0 6px}
p{margin:6px 0}
code,.mono{font-family:"Liberation Mono","DejaVu Sans Mono",Menlo,Consolas,"Noto Sans Mono CJK KR",NanumGothicCoding,monospace;font-size:.88em}
a{color:#1d4ed8}
.muted{color:var(--muted)}
.small{font-size:13px}
.notice{background:var(--soft);border-left:4px solid var(--navy);padding:10px 14px;margin:18px 0;font-size:13.5px}
.toolbar{display:none;gap:8px;margin:14px 0 0}
.js .toolbar{display:flex}
.toolbar button{font:inherit;font-size:13px;padding:5px 12px;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--ink);cursor:pointer}
.toolbar button:hover{background:var(--soft)}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:13.5px}
caption{text-align:left;font-size:13px;color:var(--muted);padding:0 0 6px}
th,td{border-bottom:1px solid var(--line);padding:7px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line)}
tbody tr:hover{background:#fafbfc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.summary td:first-child{color:var(--muted);width:2.5em}
.codes{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px}
.codes code{background:var(--bad-l);color:var(--bad);border-radius:3px;padding:1px 5px;white-space:nowrap}
.chips{margin:4px 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px}
.chips code{background:var(--soft);border:1px solid var(--line);border-radius:3px;padding:1px 5px}
.pill,.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cls-outsourcing{color:var(--out);background:var(--out-l);border-color:#99e6da}
.cls-provision{color:var(--pro);background:var(--pro-l);border-color:#d4c7fb}
.cls-joint{color:var(--joint);background:var(--joint-l);border-color:#b9d2fb}
.cls-undecided{color:var(--und);background:var(--und-l);border-color:#f6d98b}
.cls-other{color:var(--na);background:var(--na-l);border-color:var(--line)}
.law-yes,.st-met,.st-yes{color:var(--ok);background:var(--ok-l);border-color:#a7e3bb}
.law-no,.st-violated{color:var(--bad);background:var(--bad-l);border-color:#f5b5b5}
.law-open,.st-open{color:var(--und);background:var(--und-l);border-color:#f6d98b}
.st-excused{color:var(--exc);background:var(--exc-l);border-color:#b9d2fb}
.st-na,.st-no{color:var(--na);background:var(--na-l);border-color:var(--line)}
.st-out{color:#94a3b8;background:#fff;border-color:var(--line);font-weight:400}
.case{border-top:1px solid var(--line);margin-top:36px;padding-top:6px}
.case-head{display:flex;justify-content:space-between;align-items:baseline;gap:16px}
.case-no{margin:18px 0 0;font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.case-no code{text-transform:none;letter-spacing:0;font-size:12.5px}
.case h2{margin-top:4px}
.back{font-size:13px;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;border-top-width:4px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.card dt{font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.card dd{margin:2px 0 0;font-size:20px;font-weight:700}
.card .gloss{display:block;font-size:12px;font-weight:400;color:var(--muted);line-height:1.35;margin-top:2px}
.card.cls-outsourcing{border-top-color:var(--out);background:#fff}.card.cls-outsourcing dd{color:var(--out)}
.card.cls-provision{border-top-color:var(--pro);background:#fff}.card.cls-provision dd{color:var(--pro)}
.card.cls-joint{border-top-color:var(--joint);background:#fff}.card.cls-joint dd{color:var(--joint)}
.card.cls-undecided{border-top-color:var(--und);background:#fff}.card.cls-undecided dd{color:var(--und)}
.card.law-yes{border-top-color:var(--ok);background:#fff}.card.law-yes dd{color:var(--ok)}
.card.law-no{border-top-color:var(--bad);background:#fff}.card.law-no dd{color:var(--bad)}
.card.law-open{border-top-color:var(--und);background:#fff}.card.law-open dd{color:var(--und)}
.card.plain{border-top-color:var(--navy)}
.viol td:first-child code{color:var(--bad);font-weight:700;white-space:nowrap}
.sidebars{width:100%}.sidebars td.bar{width:60%}.sidebars td.bar span{display:inline-block;height:.9em;vertical-align:middle}.sidebars td.num{white-space:nowrap}
.compare td ul{margin:0;padding-left:1.1em}.compare th[scope=row]{white-space:nowrap;vertical-align:top}.compare td{vertical-align:top}
.nw{white-space:nowrap}
.verdict{margin:10px 0 4px;font-size:15.5px;line-height:1.55}
.na-list{columns:2;column-gap:28px;margin:6px 0;padding-left:18px;font-size:12.5px}
.na-list li{break-inside:avoid;margin:0 0 3px}
.summary .idline code{font-size:11.5px}
.transition{margin:6px 0 0;padding:5px 8px;background:var(--und-l);border-radius:3px;font-size:12.5px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cond{font-size:12.5px;color:var(--und);font-weight:600}
figure.chart{margin:10px 0 6px;padding:12px 14px 8px;border:1px solid var(--line);border-radius:6px}
figure.chart>svg{display:block;width:100%;height:auto}
figure.chart figcaption{font-size:13px;color:var(--muted);margin-top:4px}
.legend{list-style:none;margin:0 0 6px;padding:0;display:flex;flex-wrap:wrap;gap:16px;font-size:12px;color:var(--muted)}
.legend svg{vertical-align:-2px;margin-right:5px}
.weighing-src{font-size:13.5px}
.note{font-size:12.5px;color:var(--muted)}
.note::before{content:"__NOTE__: ";font-weight:600}
.factors td:nth-child(2){white-space:nowrap}
.matrix th[scope=row]{font-weight:400}
.matrix th[scope=row] b{font-weight:600}
.matrix td{white-space:nowrap}
.idline{display:block;font-size:12px;color:var(--muted)}
details.reasoning{margin:10px 0;border:1px solid var(--line);border-radius:6px;padding:6px 12px}
details.reasoning>summary{cursor:pointer;font-weight:600;color:var(--navy);padding:4px 0}
.req{margin:12px 0;padding-top:8px;border-top:1px dashed var(--line)}
.req:first-of-type{border-top:0}
.req-title{margin:0;font-weight:600}
ul.tree{list-style:none;margin:4px 0 4px 0;padding-left:18px;border-left:2px solid var(--line);font-size:13px}
ul.tree li{margin:3px 0}
ul.tree .badge{font-size:11px;padding:0 7px;margin-right:6px}
.facts{color:var(--muted);font-size:12px}
.detail{margin:2px 0;font-style:italic}
.questions td:first-child code{white-space:nowrap}
details.quote{margin:6px 0 8px;border-left:3px solid var(--line);padding:2px 0 2px 10px;font-size:13px}
details.quote>summary{cursor:pointer;color:var(--navy)}
details.quote>summary .muted{font-size:12px}
.quote-version{margin:8px 0 2px;font-size:12px;color:var(--muted)}
details.quote blockquote{margin:0 0 6px;padding:0}
details.quote blockquote p{margin:3px 0}
html:lang(ko){word-break:keep-all;overflow-wrap:break-word}
html:lang(ko) h3,html:lang(ko) .card dt,html:lang(ko) thead th,html:lang(ko) .case-no{letter-spacing:0}
footer{padding:16px 40px 28px;font-size:12.5px;color:var(--muted);border-top:1px solid var(--line)}
@media (max-width:760px){main,.masthead,footer{padding-left:16px;padding-right:16px}.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.matrix td{white-space:normal}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;font-size:10pt}
.page{max-width:none;margin:0;box-shadow:none;border-radius:0}
.masthead{background:#fff;color:var(--navy);padding:0 0 10px;border-bottom:3px solid var(--navy)}
.stats li{background:#fff;border-color:var(--line);color:var(--ink)}
main,footer{padding-left:0;padding-right:0}
.toolbar,.back{display:none !important}
.case{break-before:page;border-top:0;margin-top:0}
a{color:inherit;text-decoration:underline}
a[data-case]::after{content:" (__CASE__ " attr(data-case) ")";font-size:.85em;color:var(--muted);text-decoration:none}
thead{display:table-header-group}
tr,figure.chart,.card,.req li{break-inside:avoid}
h2,h3,h4{break-after:avoid}
tbody tr:hover{background:none}
details.reasoning{border:0;padding:0}
}
"#;

const SCRIPT: &str = r#"
(function () {
  var root = document.documentElement;
  root.className = root.className ? root.className + " js" : "js";
  function all(open) {
    var d = document.querySelectorAll("details.reasoning");
    for (var i = 0; i < d.length; i++) { d[i].open = open; }
  }
  var e = document.getElementById("expand-all");
  var c = document.getElementById("collapse-all");
  var p = document.getElementById("print-report");
  if (e) { e.addEventListener("click", function () { all(true); }); }
  if (c) { c.addEventListener("click", function () { all(false); }); }
  if (p) { p.addEventListener("click", function () { window.print(); }); }
})();
"#;

/// A text inside a CSS string.
fn css_str(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The whole report: a summary table of every verdict, then each case with its conclusion,
/// the chart of its classification weighing, its requirements stretch by stretch, the law not
/// yet encoded and its open questions. `items` pairs each verdict with the pack that judged
/// it; the reasoning (factors, requirements) needs verdicts judged with sources, so that
/// `Verdict::explanation` is set. `title` heads the page; every other phrase is `w`'s, and
/// the page declares `w`'s language.
pub fn report(items: &[(&Verdict, &Pack)], title: &str, w: &dyn Words) -> String {
    let mut out = String::with_capacity(16_384 + 48_000 * items.len());
    let t = esc(title);
    let lang = w.lang().code();
    let style = STYLE
        .replace("__NOTE__", &css_str(&capitalize(w.note_label())))
        .replace("__CASE__", &css_str(w.print_case()));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"generator\" content=\"entrust\">\n<title>{t}</title>\n<style>{style}</style>\n</head>\n<body>\n<div class=\"page\">\n"
    );
    masthead(&mut out, w, items, &t);
    out.push_str("<main>\n");
    let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(w.notice()));
    summary_table(&mut out, w, items);
    let n = items.len();
    let mut first_of_case = 0;
    for (k, (v, pack)) in items.iter().enumerate() {
        case(&mut out, w, k, n, v, pack);
        // After the last verdict of a case judged under several laws, their comparison.
        let last_of_case = items.get(k + 1).is_none_or(|(next, _)| next.id != v.id);
        if last_of_case {
            if let Some(group) = items.get(first_of_case..=k)
                && group.len() > 1
            {
                let a = format!("{}-compare", anchor(first_of_case, v));
                out.push_str(&super::compare::html(&v.id, &a, group, w));
            }
            first_of_case = k + 1;
        }
    }
    out.push_str("</main>\n<footer>\n");
    let _ = writeln!(out, "<p>{}</p>", esc(w.footer()));
    out.push_str("</footer>\n</div>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn masthead(out: &mut String, w: &dyn Words, items: &[(&Verdict, &Pack)], title: &str) {
    let _ = write!(
        out,
        "<header class=\"masthead\">\n<p class=\"kicker\">{}</p>\n<h1>{title}</h1>\n",
        esc(w.report_title())
    );
    let mut packs: Vec<(&str, &str)> = Vec::new();
    for (_, p) in items {
        if !packs.iter().any(|(id, _)| *id == p.id) {
            packs.push((p.id.as_str(), p.title.as_str()));
        }
    }
    let pack_list: Vec<String> = packs
        .iter()
        .map(|(id, t)| format!("<code>{}</code> ({})", esc(id), esc(t)))
        .collect();
    let pack_list = pack_list.join(", ");
    let _ = writeln!(
        out,
        "<p>{}</p>",
        w.cases_judged(
            items.len(),
            Some(pack_list.as_str()).filter(|p| !p.is_empty())
        )
    );
    // Counts of classifications, then of lawfulness.
    let mut classes: Vec<(&str, usize)> = Vec::new();
    for (v, _) in items {
        match classes.iter_mut().find(|(c, _)| *c == v.classification) {
            Some((_, n)) => *n += 1,
            None => classes.push((v.classification.as_str(), 1)),
        }
    }
    let _ = writeln!(
        out,
        "<ul class=\"stats\" aria-label=\"{}\">",
        esc(w.counts_label())
    );
    for (c, n) in &classes {
        let _ = writeln!(out, "<li><b>{n}</b> {}</li>", esc(&w.class(c)));
    }
    for l in [Some(false), Some(true), None] {
        let n = items.iter().filter(|(v, _)| v.lawful == l).count();
        if n > 0 {
            let _ = writeln!(out, "<li><b>{n}</b> {}</li>", esc(w.lawful(l)));
        }
    }
    let q: usize = items.iter().map(|(v, _)| v.unknowns.len()).sum();
    let _ = writeln!(
        out,
        "<li><b>{q}</b> {}</li>",
        esc(&w.open_questions().to_lowercase())
    );
    let _ = writeln!(
        out,
        "</ul>\n<div class=\"toolbar\"><button type=\"button\" id=\"expand-all\">{}</button>\
<button type=\"button\" id=\"collapse-all\">{}</button>\
<button type=\"button\" id=\"print-report\">{}</button></div>\n</header>",
        esc(w.expand_all()),
        esc(w.collapse_all()),
        esc(w.print())
    );
}

fn summary_table(out: &mut String, w: &dyn Words, items: &[(&Verdict, &Pack)]) {
    let _ = write!(
        out,
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>\n\
<table class=\"summary\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.summary_heading()),
        esc(w.summary_caption()),
        esc(w.case_label()),
        esc(w.pack_label()),
        esc(w.classification_label()),
        esc(w.lawful_label()),
        esc(w.violations_label()),
        esc(w.open_questions()),
    );
    for (k, (v, _)) in items.iter().enumerate() {
        let codes = if v.violations.is_empty() {
            format!("<span class=\"muted\">{}</span>", esc(w.none()))
        } else {
            let mut cs: Vec<String> = Vec::new();
            for x in &v.violations {
                let c = format!("<li><code>{}</code></li>", esc(&x.code));
                if !cs.contains(&c) {
                    cs.push(c);
                }
            }
            format!("<ul class=\"codes\">{}</ul>", cs.concat())
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{n}</td><td>{title}<span class=\"idline\"><a href=\"#{a}\" data-case=\"{n}\"><code>{id}</code></a></span></td>\
<td><code>{under}</code></td>\
<td><span class=\"pill {cc}\">{class}</span></td>\
<td><span class=\"pill {lc}\">{lawful}</span></td><td>{codes}</td>\
<td class=\"num\">{q}</td></tr>",
            n = k + 1,
            a = anchor(k, v),
            id = esc(&v.id),
            title = esc(v.title.as_deref().unwrap_or("")),
            under = esc(&v.under),
            cc = class_css(&v.classification),
            class = esc(&w.class(&super::class_code(w, v))),
            lc = lawful_class(v.lawful),
            lawful = esc(w.lawful_short(v.lawful)),
            q = v.unknowns.len(),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn case(out: &mut String, w: &dyn Words, k: usize, n: usize, v: &Verdict, pack: &Pack) {
    let a = anchor(k, v);
    let _ = write!(
        out,
        "<section class=\"case\" id=\"{a}\" aria-labelledby=\"{a}-h\" data-classification=\"{c}\" data-lawful=\"{l}\">\n\
<div class=\"case-head\"><p class=\"case-no\">{of} \u{b7} <code>{id}</code></p>\
<a class=\"back\" href=\"#summary\">{back}</a></div>\n\
<h2 id=\"{a}-h\">{title}</h2>\n",
        c = esc(&v.classification),
        l = lawful_code(v.lawful),
        of = esc(&w.case_of(k + 1, n)),
        id = esc(&v.id),
        back = esc(w.back_to_summary()),
        title = esc(v.title.as_deref().unwrap_or(&v.id)),
    );
    let mut meta = w.judged_under_html(
        &format!("<code>{}</code>", esc(&v.under)),
        &esc(&pack.title),
    );
    if let (Some(first), Some(last)) = (v.periods.first(), v.periods.last()) {
        let when = if first.from == last.to {
            w.date_line(&first.from)
        } else {
            w.period_line(&first.from, &last.to, v.periods.len())
        };
        let _ = write!(meta, " \u{b7} {}", esc(&when));
    }
    let _ = writeln!(out, "<p class=\"muted\">{meta}</p>");
    conclusion(out, w, &a, v, pack);
    violations(out, w, &a, v);
    possible_violations(out, w, &a, v);
    not_checked(out, w, &a, v);
    stretches(out, w, &a, v);
    match &v.explanation {
        Some(e) => {
            scope(out, w, &a, &e.periods);
            weighing(out, w, &a, v, pack, &e.periods);
            requirements(out, w, &a, pack, &e.periods);
        }
        None => {
            let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(w.no_reasoning()));
        }
    }
    questions(out, w, &a, v);
    if !v.grounds.is_empty() {
        let _ = write!(
            out,
            "<h3 id=\"{a}-grounds\">{}</h3>\n<p class=\"small muted\">{}</p>\n<ul class=\"chips\">",
            esc(w.grounds_heading()),
            esc(w.grounds_gloss())
        );
        for g in &v.grounds {
            let _ = write!(out, "<li><code>{}</code></li>", esc(g));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The balance of the classification in plain words, when every stretch weighed alike (as the
/// text memo gives it).
fn conclusion_balance(w: &dyn Words, v: &Verdict, pack: &Pack) -> Option<String> {
    let e = v.explanation.as_ref()?;
    let weighings: Vec<&Node> = e
        .periods
        .iter()
        .filter_map(|p| p.classification.as_ref())
        .collect();
    let first = weighings.first()?;
    if !weighings.iter().all(|x| x == first) {
        return None;
    }
    let scores: Vec<[i32; 2]> = v.periods.iter().map(|p| p.score).collect();
    let same = scores.windows(2).all(|s| s.first() == s.get(1));
    let b = balance_of(pack, first, scores.first().copied().filter(|_| same));
    Some(w.weighing_sentence(&w.balance(&b)))
}

fn conclusion(out: &mut String, w: &dyn Words, a: &str, v: &Verdict, pack: &Pack) {
    let mut said = super::conclusion(w, v, false);
    if let Some(b) = conclusion_balance(w, v, pack) {
        said.push(' ');
        said.push_str(&b);
    }
    let _ = write!(
        out,
        "<h3 id=\"{a}-conclusion\">{heading}</h3>\n<p class=\"verdict\">{said}</p>\n<dl class=\"cards\">\n\
<div class=\"card {cc}\"><dt>{cl}</dt><dd>{class}<span class=\"gloss\">{cg}</span></dd></div>\n\
<div class=\"card {lc}\"><dt>{ll}</dt><dd>{lawful}<span class=\"gloss\">{lg}</span></dd></div>\n\
<div class=\"card plain\"><dt>{vl}</dt><dd>{nv}<span class=\"gloss\">{vg}</span></dd></div>\n\
<div class=\"card plain\"><dt>{ql}</dt><dd>{nq}<span class=\"gloss\">{qg}</span></dd></div>\n</dl>\n",
        heading = esc(w.md_conclusion()),
        said = esc(&said),
        cc = class_css(&v.classification),
        cl = esc(w.classification_label()),
        class = esc(&capitalize(&w.class(&super::class_code(w, v)))),
        cg = esc(w.class_gloss(&v.classification)),
        lc = lawful_class(v.lawful),
        ll = esc(w.lawful_label()),
        lawful = esc(&capitalize(w.lawful(v.lawful))),
        lg = esc(w.lawful_gloss(v.lawful)),
        vl = esc(w.violations_label()),
        nv = v.violations.len(),
        vg = esc(&w.violations_gloss(!v.violations.is_empty(), v.possible_violations.len())),
        ql = esc(w.open_questions()),
        nq = v.unknowns.len(),
        qg = esc(w.questions_gloss(!v.unknowns.is_empty())),
    );
    if !v.reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">\n");
        for r in &v.reasons {
            let _ = writeln!(out, "<li>{}</li>", esc(r));
        }
        out.push_str("</ul>\n");
    }
}

fn violations(out: &mut String, w: &dyn Words, a: &str, v: &Verdict) {
    let _ = writeln!(
        out,
        "<h3 id=\"{a}-violations\">{}</h3>",
        esc(w.violations_label())
    );
    if v.violations.is_empty() {
        let _ = writeln!(out, "<p>{}.</p>", esc(&capitalize(w.none_found())));
        return;
    }
    let _ = write!(
        out,
        "<table class=\"viol\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.code_label()),
        esc(w.broken_label()),
        esc(w.article_label()),
        esc(w.when_ran_label()),
        esc(w.exposes_label()),
    );
    for x in &v.violations {
        let mut what = esc(&capitalize(&x.message));
        if let Some(c) = &x.if_classified {
            let _ = write!(
                what,
                "<br><span class=\"cond\">{}</span>",
                esc(&w.only_if(c))
            );
        }
        for t in &x.transition {
            let _ = write!(
                what,
                "<p class=\"transition\"><b>{}</b> {}</p>",
                esc(w.transitional_rule()),
                esc(&capitalize(t))
            );
        }
        let during: Vec<String> = x.during.iter().map(|d| dates(w, d)).collect();
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{what}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&x.code),
            esc(&x.cite),
            if during.is_empty() {
                "<span class=\"muted\">\u{2014}</span>".to_string()
            } else {
                during.join("<br>")
            },
            x.exposes.as_deref().map_or_else(
                || format!("<span class=\"muted\">{}</span>", esc(w.not_stated())),
                esc
            ),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn stretches(out: &mut String, w: &dyn Words, a: &str, v: &Verdict) {
    if v.periods.len() < 2 {
        return;
    }
    let _ = write!(
        out,
        "<h3 id=\"{a}-stretches\">{}</h3>\n<p class=\"small muted\">{}</p>\n\
<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.stretches_title()),
        esc(w.stretches_gloss()),
        esc(w.stretch_label()),
        esc(w.column_from()),
        esc(w.column_to()),
        esc(w.classification_label()),
        esc(w.lawful_label()),
        esc(w.violations_label()),
    );
    for (k, p) in v.periods.iter().enumerate() {
        let codes: Vec<String> = p
            .violations
            .iter()
            .map(|x| format!("<li><code>{}</code></li>", esc(&x.code)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td><span class=\"pill {}\">{}</span></td>\
<td><span class=\"pill {}\">{}</span></td><td>{}</td></tr>",
            k + 1,
            esc(&p.from),
            esc(&p.to),
            class_css(&p.classification),
            esc(&w.class(&super::period_class_code(w, p))),
            lawful_class(p.lawful),
            esc(w.lawful_short(p.lawful)),
            if codes.is_empty() {
                format!("<span class=\"muted\">{}</span>", esc(w.none()))
            } else {
                format!("<ul class=\"codes\">{}</ul>", codes.concat())
            }
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A factor as the chart draws it.
struct Factor<'a> {
    node: &'a Node,
    side: usize,
    /// The side it counts toward, by name.
    side_name: &'a str,
    weight: i32,
    decisive: bool,
    open: bool,
}

/// The factors of a weighing node that fired or are still open, with their side and weight
/// (from the pack, or from the explanation's typed weight when the pack does not have them).
fn factors<'a>(w: &'a Node, def: Option<&WeighDef>, sides: &[String; 2]) -> Vec<Factor<'a>> {
    let mut out = Vec::new();
    for f in &w.children {
        if f.kind != NodeKind::Factor
            || !(f.result == Outcome::Fired || f.result == Outcome::Unknown)
        {
            continue;
        }
        let from_pack = def.and_then(|d| d.factors.iter().find(|x| x.meta.id == f.id));
        let (side, weight, decisive) = match from_pack {
            Some(x) => (usize::from(x.side), x.weight, x.decisive),
            None => match &f.weight {
                Some(x) => (
                    usize::from(sides.get(1).is_some_and(|s| *s == x.side)),
                    x.points,
                    x.decisive,
                ),
                None => (0, 0, false),
            },
        };
        out.push(Factor {
            node: f,
            side: side.min(2),
            side_name: f.weight.as_ref().map_or("", |x| x.side.as_str()),
            weight,
            decisive,
            open: f.result == Outcome::Unknown,
        });
    }
    out.sort_by(|x, y| {
        (x.side, x.open, -x.weight)
            .cmp(&(y.side, y.open, -y.weight))
            .then_with(|| x.node.id.cmp(&y.node.id))
    });
    out
}

/// Where a fact was written, without the folders: `file.case:12:3`.
fn short_at(at: &str) -> &str {
    at.rsplit(['/', '\\']).next().unwrap_or(at)
}

/// The facts a node reads, and those of its sub-steps, each once.
fn leaf_facts(n: &Node, out: &mut Vec<String>) {
    for f in &n.facts {
        let s = match &f.at {
            Some(at) => format!("{} = {} ({})", f.fact, f.value, short_at(at)),
            None => format!("{} = {}", f.fact, f.value),
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    for c in &n.children {
        leaf_facts(c, out);
    }
}

fn weighing(
    out: &mut String,
    w: &dyn Words,
    a: &str,
    v: &Verdict,
    pack: &Pack,
    periods: &[PeriodExplanation],
) {
    let Some(first) = periods.iter().find_map(|p| p.classification.as_ref()) else {
        return;
    };
    let def = pack.classifier();
    let _ = writeln!(
        out,
        "<h3 id=\"{a}-weighing\">{}</h3>\n<p class=\"weighing-src\">{}{}</p>",
        esc(w.weighing_heading()),
        esc(&first.title),
        if first.cite.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&first.cite))
        }
    );
    for note in &first.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    let n = periods.len();
    for (k, p) in periods.iter().enumerate() {
        let Some(wn) = &p.classification else {
            continue;
        };
        let score = v
            .periods
            .get(k)
            .filter(|x| x.from == p.from && x.to == p.to)
            .map(|x| x.score);
        if n > 1 {
            let _ = writeln!(out, "<h4>{}</h4>", stretch_label(w, p, k + 1, n));
        }
        let prev = k.checked_sub(1).and_then(|i| periods.get(i));
        let prev_score = k
            .checked_sub(1)
            .and_then(|i| v.periods.get(i))
            .map(|x| x.score);
        if prev.and_then(|q| q.classification.as_ref()) == Some(wn) && prev_score == score {
            let pill = format!(
                "<span class=\"pill {}\">{}</span>",
                class_css(wn.result.code()),
                esc(&w.class(super::side_word(pack, wn.result.code())))
            );
            let _ = writeln!(out, "<p>{}</p>", w.weighed_as_in(&pill, k));
            continue;
        }
        let uid = format!("{a}-w{}", k + 1);
        // The chart draws a balance of two sides; a weighing of more, each side's points.
        match def {
            Some(d) if d.sides.len() > 2 => side_bars(out, w, wn, d),
            _ => chart(out, w, &uid, wn, def, score),
        }
        factor_table(out, w, wn, def);
    }
}

/// The points of a weighing of more than two sides, a bar per side: what fired, and (lighter)
/// what the factors still open could add.
fn side_bars(out: &mut String, w: &dyn Words, wn: &Node, d: &WeighDef) {
    let super::SidePoints { fired, open, .. } = super::side_points(d, wn);
    let most = fired
        .iter()
        .zip(&open)
        .map(|(a, b)| a + b)
        .max()
        .unwrap_or(0)
        .max(1);
    let pct = |x: i32| f64::from(x.max(0)) * 100.0 / f64::from(most);
    let _ = writeln!(
        out,
        "<table class=\"sidebars\">\n<caption>{}</caption>\n<tbody>",
        esc(w.sides_points_caption())
    );
    for (i, side) in d.sides.iter().enumerate() {
        let f = fired.get(i).copied().unwrap_or(0);
        let o = open.get(i).copied().unwrap_or(0);
        let (strong, light) = class_colour(axis_of(Some(d), side));
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><span class=\"pill {}\">{}</span></th><td class=\"bar\">\
<span style=\"width:{:.1}%;background:{strong}\"></span><span style=\"width:{:.1}%;background:{light}\"></span></td>\
<td class=\"num\">{}</td></tr>",
            class_css(axis_of(Some(d), side)),
            esc(&w.class(title_of(Some(d), side))),
            pct(f),
            pct(o),
            esc(&w.side_points(f, o))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The axis value a side stands on (the side itself where the pack gives none).
fn axis_of<'a>(def: Option<&'a WeighDef>, side: &'a str) -> &'a str {
    def.and_then(|d| {
        let i = d.sides.iter().position(|s| s == side)?;
        d.axis.get(i).map(String::as_str)
    })
    .unwrap_or(side)
}

/// A side's title where the pack gives one, else the side.
fn title_of<'a>(def: Option<&'a WeighDef>, side: &'a str) -> &'a str {
    def.and_then(|d| {
        let i = d.sides.iter().position(|s| s == side)?;
        d.titles.get(i)?.as_deref()
    })
    .unwrap_or(side)
}

/// Whether the law reaches the case, stretch by stretch: the scope items and how each came out.
fn scope(out: &mut String, w: &dyn Words, a: &str, periods: &[PeriodExplanation]) {
    if periods.iter().all(|p| p.scope.is_empty()) {
        return;
    }
    let _ = writeln!(out, "<h3 id=\"{a}-scope\">{}</h3>", esc(w.scope_heading()));
    let n = periods.len();
    for (k, p) in periods.iter().enumerate() {
        if p.scope.is_empty() {
            continue;
        }
        if n > 1 {
            let _ = writeln!(out, "<h4>{}</h4>", stretch_label(w, p, k + 1, n));
        }
        out.push_str("<ul class=\"conditions\">\n");
        for c in &p.scope {
            condition(out, w, c);
        }
        out.push_str("</ul>\n");
        if p.classification.is_none() {
            let _ = writeln!(out, "<p>{}.</p>", esc(w.not_applying_heading()));
        }
    }
}

fn sides_of(w: &Node, def: Option<&WeighDef>) -> [String; 2] {
    if let Some(d) = def {
        let mut it = d.sides.iter().cloned();
        return [it.next().unwrap_or_default(), it.next().unwrap_or_default()];
    }
    let mut sides: Vec<String> = Vec::new();
    for f in &w.children {
        if let Some(side) = f.weight.as_ref().map(|x| x.side.as_str())
            && !sides.iter().any(|s| s == side)
        {
            sides.push(side.to_string());
        }
    }
    let mut it = sides.into_iter();
    [it.next().unwrap_or_default(), it.next().unwrap_or_default()]
}

/// A tick step giving at most about five ticks on each side of zero.
fn tick_step(range: i32) -> i32 {
    for s in [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000] {
        if range / s <= 5 {
            return s;
        }
    }
    (range / 5).max(1)
}

/// The chart of one weighing: a bar per factor that fired (solid) or is still open (hatched),
/// toward the first side to the right and toward the second to the left, their sums, and the
/// balance range against the undecided margin, all on one scale.
fn chart(
    out: &mut String,
    w: &dyn Words,
    uid: &str,
    wn: &Node,
    def: Option<&WeighDef>,
    score: Option<[i32; 2]>,
) {
    const W: f64 = 1000.0;
    const XC: f64 = 660.0;
    const HALF: f64 = 250.0;
    const ROW: f64 = 22.0;
    let sides = sides_of(wn, def);
    let side_words = [w.class(&sides[0]), w.class(&sides[1])];
    let fs = factors(wn, def, &sides);
    let margin = def.map_or(0, |d| d.margin);
    let sum = |side: usize, open: bool| -> i32 {
        fs.iter()
            .filter(|f| f.side == side && f.open == open)
            .map(|f| f.weight.max(0))
            .sum()
    };
    let (fired0, fired1) = (sum(0, false), sum(1, false));
    let open_count = |side: usize| fs.iter().filter(|f| f.side == side && f.open).count();
    let [lo, hi] = score.unwrap_or([fired0 - fired1, fired0 - fired1]);
    let heaviest = fs.iter().map(|f| f.weight).max().unwrap_or(0);
    let range = [fired0, fired1, heaviest, lo.abs(), hi.abs(), margin + 1, 1]
        .into_iter()
        .max()
        .unwrap_or(1);
    // The axis ends on a tick.
    let step = tick_step(range);
    let range = (range + step - 1) / step * step;
    let unit = HALF / f64::from(range);
    let x_of = |b: i32| XC + f64::from(b) * unit;
    let colours = [class_colour(&sides[0]), class_colour(&sides[1])];
    let result_colour = class_colour(wn.result.code()).0;
    let result_word = w.class(wn.result.code());

    let mut body = String::new();
    let mut stripes = String::new();
    let mut y = 6.0_f64;
    // Gridlines and the zero line are drawn once the height is known.
    let grid_top = y;
    for (s, side) in side_words.iter().enumerate() {
        let (strong, _) = colours.get(s).copied().unwrap_or(("#475569", "#e2e8f0"));
        let fired = if s == 0 { fired0 } else { fired1 };
        let open = open_count(s);
        let _ = write!(
            body,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"13\" font-weight=\"700\" fill=\"{strong}\">{}</text>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#5f6b7a\" text-anchor=\"{}\">{}</text>",
            y + 15.0,
            esc(&capitalize(&w.toward(side))),
            if s == 0 { XC + 6.0 } else { XC - 6.0 },
            y + 15.0,
            if s == 0 { "start" } else { "end" },
            esc(&w.chart_tally(fired, open))
        );
        y += 26.0;
        let mine: Vec<&Factor<'_>> = fs.iter().filter(|f| f.side == s).collect();
        if mine.is_empty() {
            let _ = write!(
                body,
                "<text x=\"12\" y=\"{:.1}\" font-size=\"12\" fill=\"#5f6b7a\" font-style=\"italic\">{}</text>",
                y + 14.0,
                esc(w.no_factor())
            );
            y += ROW;
        }
        for (i, f) in mine.into_iter().enumerate() {
            if i % 2 == 1 {
                let _ = write!(
                    stripes,
                    "<rect x=\"4\" y=\"{:.1}\" width=\"{:.0}\" height=\"{ROW:.0}\" fill=\"#f6f8fa\"/>",
                    y,
                    W - 8.0
                );
            }
            // The factor's id, as the pack names it (its reason is in the table below and the tooltip).
            let label = truncate(&f.node.id, 44);
            let len = f64::from(f.weight.max(0)) * unit;
            let (x, anchor, tx) = if s == 0 {
                (XC, "start", XC + len + 5.0)
            } else {
                (XC - len, "end", XC - len - 5.0)
            };
            let fill = if f.open {
                format!("url(#{uid}-h{s})")
            } else {
                strong.to_string()
            };
            let dash = if f.open {
                format!(" stroke=\"{strong}\" stroke-width=\"1\" stroke-dasharray=\"3 2\"")
            } else {
                String::new()
            };
            let mut value = f.weight.to_string();
            if f.decisive {
                value.push_str(" \u{b7} ");
                value.push_str(w.decisive());
            }
            if f.open {
                value.push_str(" \u{b7} ");
                value.push_str(&w.outcome(&Outcome::Open));
            }
            let _ = write!(
                body,
                "<g><title>{tip}</title>\
<text x=\"12\" y=\"{ty:.1}\" font-size=\"12\" fill=\"{lc}\">{label}</text>\
<rect x=\"{x:.1}\" y=\"{ry:.1}\" width=\"{len:.1}\" height=\"14\" rx=\"2\" fill=\"{fill}\"{dash}/>\
<text x=\"{tx:.1}\" y=\"{ty:.1}\" font-size=\"11.5\" fill=\"{strong}\" text-anchor=\"{anchor}\" font-weight=\"{fw}\">{value}</text></g>",
                tip = esc(&w.bar_title(
                    &f.node.title,
                    &w.outcome(if f.open {
                        &Outcome::Open
                    } else {
                        &Outcome::Fired
                    }),
                    f.weight,
                    side
                )),
                value = esc(&value),
                ty = y + 15.0,
                lc = if f.open { "#5f6b7a" } else { "#1f2933" },
                label = esc(&label),
                ry = y + 4.0,
                fw = if f.decisive { "700" } else { "400" },
            );
            y += ROW;
        }
        y += 6.0;
    }
    let grid_bottom = y;
    // What fired on each side. Open factors are not summed: several read the same fact and
    // cannot all fire together; the balance range below counts them exactly.
    let _ = write!(
        body,
        "<line x1=\"0\" y1=\"{y:.1}\" x2=\"{W:.0}\" y2=\"{y:.1}\" stroke=\"#dde3ea\"/>"
    );
    y += 6.0;
    for (s, side) in side_words.iter().enumerate() {
        let (strong, _) = colours.get(s).copied().unwrap_or(("#475569", "#e2e8f0"));
        let fired = if s == 0 { fired0 } else { fired1 };
        let lf = f64::from(fired) * unit;
        let (xf, tx, anchor) = if s == 0 {
            (XC, XC + lf + 5.0, "start")
        } else {
            (XC - lf, XC - lf - 5.0, "end")
        };
        let _ = write!(
            body,
            "<text x=\"0\" y=\"{ty:.1}\" font-size=\"12\" font-weight=\"700\" fill=\"#1f2933\">{label}</text>\
<rect x=\"{xf:.1}\" y=\"{ry:.1}\" width=\"{lf:.1}\" height=\"16\" fill=\"{strong}\"/>\
<text x=\"{tx:.1}\" y=\"{ty:.1}\" font-size=\"12\" font-weight=\"700\" fill=\"{strong}\" text-anchor=\"{anchor}\">{fired}</text>",
            ty = y + 16.0,
            label = esc(&w.fired_toward(side)),
            ry = y + 4.0,
        );
        y += 24.0;
    }
    // The balance: the range the unknown facts allow, against the undecided margin.
    y += 10.0;
    let axis = y + 34.0;
    let mut ticks = String::new();
    let mut t = -(range / step) * step;
    while t <= range {
        let x = x_of(t);
        let _ = write!(
            ticks,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8a96a3\"/>\
<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#5f6b7a\" text-anchor=\"middle\">{}</text>",
            axis - 4.0,
            axis + 4.0,
            axis + 17.0,
            signed(t)
        );
        t += step;
    }
    let band = if margin > 0 {
        format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"26\" fill=\"#e5e9ef\"/>",
            x_of(-margin),
            axis - 13.0,
            f64::from(2 * margin) * unit
        )
    } else {
        format!(
            "<line x1=\"{XC:.1}\" y1=\"{:.1}\" x2=\"{XC:.1}\" y2=\"{:.1}\" stroke=\"#8a96a3\" stroke-dasharray=\"3 2\"/>",
            axis - 13.0,
            axis + 13.0
        )
    };
    let (x1, x2) = (x_of(lo), x_of(hi));
    let range_mark = if lo == hi {
        format!(
            "<circle cx=\"{x1:.1}\" cy=\"{axis:.1}\" r=\"6\" fill=\"{result_colour}\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        )
    } else {
        format!(
            "<rect x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"5\" fill=\"{result_colour}\"/>\
<circle cx=\"{x1:.1}\" cy=\"{axis:.1}\" r=\"5\" fill=\"{result_colour}\" stroke=\"#fff\" stroke-width=\"1.5\"/>\
<circle cx=\"{x2:.1}\" cy=\"{axis:.1}\" r=\"5\" fill=\"{result_colour}\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            axis - 5.0,
            (x2 - x1).max(2.0)
        )
    };
    let range_text = if lo == hi {
        signed(lo)
    } else {
        w.signed_range(&signed(lo), &signed(hi))
    };
    let mid = ((x1 + x2) / 2.0).clamp(XC - HALF + 40.0, XC + HALF - 40.0);
    let _ = write!(
        body,
        "<text x=\"0\" y=\"{:.1}\" font-size=\"13\" font-weight=\"700\" fill=\"#1f2933\">{}</text>\
<text x=\"0\" y=\"{:.1}\" font-size=\"12\" fill=\"{result_colour}\" font-weight=\"700\">{}</text>\
<text x=\"0\" y=\"{:.1}\" font-size=\"11.5\" fill=\"#5f6b7a\">{}</text>\
{band}<line x1=\"{:.1}\" y1=\"{axis:.1}\" x2=\"{:.1}\" y2=\"{axis:.1}\" stroke=\"#8a96a3\" stroke-width=\"1.5\"/>{ticks}{range_mark}\
<text x=\"{mid:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"700\" fill=\"{result_colour}\" text-anchor=\"middle\">{}</text>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11.5\" fill=\"{}\" text-anchor=\"start\">\u{2190} {}</text>\
<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11.5\" fill=\"{}\" text-anchor=\"end\">{} \u{2192}</text>",
        axis - 14.0,
        esc(w.balance_label()),
        axis + 2.0,
        esc(&w.chart_result(&result_word)),
        axis + 18.0,
        esc(&w.margin_note(margin)),
        XC - HALF,
        XC + HALF,
        axis - 18.0,
        esc(&range_text),
        XC - HALF,
        axis + 34.0,
        colours[1].0,
        esc(&w.toward(&side_words[1])),
        XC + HALF,
        axis + 34.0,
        colours[0].0,
        esc(&w.toward(&side_words[0])),
    );
    y = axis + 44.0;
    let height = y;
    // Text alternative.
    let describe = |side: usize| -> String {
        let xs: Vec<String> = fs
            .iter()
            .filter(|f| f.side == side)
            .map(|f| w.factor_alt(&f.node.id, f.weight, f.decisive, f.open))
            .collect();
        if xs.is_empty() {
            w.none().to_string()
        } else {
            xs.join(w.comma())
        }
    };
    let desc = w.chart_alt(
        &side_words[0],
        &describe(0),
        fired0,
        &side_words[1],
        &describe(1),
        fired1,
        lo,
        hi,
        margin,
        &result_word,
    );
    let mut grid = String::new();
    let mut t = -(range / step) * step;
    while t <= range {
        let x = x_of(t);
        let stroke = if t == 0 { "#8a96a3" } else { "#eef1f5" };
        let _ = write!(
            grid,
            "<line x1=\"{x:.1}\" y1=\"{grid_top:.1}\" x2=\"{x:.1}\" y2=\"{grid_bottom:.1}\" stroke=\"{stroke}\"/>"
        );
        t += step;
    }
    let mut defs = String::new();
    for (s, (strong, light)) in colours.iter().enumerate() {
        let _ = write!(
            defs,
            "<pattern id=\"{uid}-h{s}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect width=\"6\" height=\"6\" fill=\"{light}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{strong}\" stroke-width=\"2\"/></pattern>"
        );
    }
    let _ = write!(
        out,
        "<figure class=\"chart\">\n<ul class=\"legend\" aria-hidden=\"true\">\
<li><svg width=\"22\" height=\"12\"><rect width=\"22\" height=\"12\" rx=\"2\" fill=\"#475569\"/></svg>{l_fired}</li>\
<li><svg width=\"22\" height=\"12\"><defs><pattern id=\"{uid}-lg\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e2e8f0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#475569\" stroke-width=\"2\"/></pattern></defs><rect width=\"22\" height=\"12\" rx=\"2\" fill=\"url(#{uid}-lg)\" stroke=\"#475569\" stroke-dasharray=\"3 2\"/></svg>{l_open}</li>\
<li><svg width=\"22\" height=\"12\"><rect width=\"22\" height=\"12\" fill=\"#e5e9ef\"/></svg>{l_margin}</li>\
<li><svg width=\"22\" height=\"12\"><rect y=\"3\" width=\"22\" height=\"6\" rx=\"3\" fill=\"#1f2933\"/></svg>{l_range}</li></ul>\n\
<svg viewBox=\"0 0 {W:.0} {height:.0}\" role=\"img\" aria-labelledby=\"{uid}-t {uid}-d\" font-family=\"Liberation Sans, Helvetica, Arial, DejaVu Sans, Noto Sans CJK KR, Noto Sans KR, NanumGothic, sans-serif\">\
<title id=\"{uid}-t\">{heading}: {result}</title><desc id=\"{uid}-d\">{desc}</desc>\
<defs>{defs}</defs>{stripes}{grid}{body}</svg>\n",
        l_fired = esc(w.legend_fired()),
        l_open = esc(w.legend_open()),
        l_margin = esc(w.legend_margin()),
        l_range = esc(w.legend_range()),
        heading = esc(w.weighing_heading()),
        result = esc(&result_word),
        desc = esc(&desc),
    );
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>",
        w.chart_caption(
            lo,
            hi,
            margin,
            &format!("<strong>{}</strong>", esc(&result_word)),
            &esc(&side_words[0]),
            &esc(&side_words[1])
        )
    );
    out.push_str("</figure>\n");
}

/// The factors as a table: the chart's text, with each factor's reason, authority and facts.
fn factor_table(out: &mut String, w: &dyn Words, wn: &Node, def: Option<&WeighDef>) {
    let sides = sides_of(wn, def);
    let fs = factors(wn, def, &sides);
    if !fs.is_empty() {
        let _ = write!(
            out,
            "<table class=\"factors\">\n<caption>{}</caption>\n\
<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            esc(w.factors_caption()),
            esc(w.toward_label()),
            esc(w.weight_label()),
            esc(w.status_label()),
            esc(w.factor_label()),
            esc(w.authority_label()),
            esc(w.facts_read_label()),
        );
        for f in &fs {
            let side = f.side_name;
            let mut reads = Vec::new();
            for c in &f.node.children {
                leaf_facts(c, &mut reads);
            }
            let reads: Vec<String> = reads.iter().map(|r| esc(r)).collect();
            let mut factor = format!(
                "{}<span class=\"idline\"><code>{}</code></span>",
                esc(&capitalize(&f.node.title)),
                esc(&f.node.id)
            );
            for note in &f.node.notes {
                let _ = write!(factor, "<p class=\"note\">{}</p>", esc(note));
            }
            let status = if f.open {
                ("st-open", Outcome::Open)
            } else {
                ("st-yes", Outcome::Fired)
            };
            let _ = writeln!(
                out,
                "<tr><td><span class=\"pill {}\">{}</span></td><td class=\"num\">{}</td>\
<td><span class=\"badge {}\">{}</span></td><td>{factor}</td><td>{}</td><td class=\"facts\">{}</td></tr>",
                class_css(axis_of(def, side)),
                esc(&w.class(title_of(def, side))),
                esc(&w.weight_cell(f.weight, f.decisive)),
                status.0,
                esc(&w.outcome(&status.1)),
                esc(&f.node.cite),
                reads.join("<br>")
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let quiet: Vec<String> = wn
        .children
        .iter()
        .filter(|f| f.result == Outcome::NotFired)
        .map(|f| format!("<code>{}</code>", esc(&f.id)))
        .collect();
    if !quiet.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"small muted\">{}: {}</p>",
            esc(w.factors_quiet()),
            quiet.join(", ")
        );
    }
}

/// A column of the requirements table: a stretch, and the classification assumed.
struct Column<'a> {
    period: usize,
    label: String,
    assuming: Option<&'a str>,
    reqs: &'a [Node],
}

fn requirements(
    out: &mut String,
    w: &dyn Words,
    a: &str,
    pack: &Pack,
    periods: &[PeriodExplanation],
) {
    let n = periods.len();
    let mut cols: Vec<Column<'_>> = Vec::new();
    for (k, p) in periods.iter().enumerate() {
        for r in &p.readings {
            let mut label = if n > 1 {
                format!(
                    "{}<br><span class=\"idline\">{}</span>",
                    esc(&w.stretch(k + 1)),
                    esc(&w.date_range(&p.from, &p.to))
                )
            } else {
                esc(w.status_label())
            };
            if let Some(c) = &r.assuming {
                let _ = write!(
                    label,
                    "<span class=\"idline\">{}</span>",
                    esc(&w.column_if_class(&w.class(super::side_word(pack, c))))
                );
            }
            cols.push(Column {
                period: k,
                label,
                assuming: r.assuming.as_deref(),
                reqs: &r.requirements,
            });
        }
    }
    if cols.is_empty() {
        return;
    }
    // Requirement ids in pack order, then any the pack does not know (in order of appearance).
    let mut ids: Vec<&str> = pack
        .requirements
        .iter()
        .map(|r| r.meta.id.as_str())
        .collect();
    for c in &cols {
        for r in c.reqs {
            if !ids.contains(&r.id.as_str()) {
                ids.push(r.id.as_str());
            }
        }
    }
    let _ = write!(
        out,
        "<h3 id=\"{a}-requirements\">{}</h3>\n<p class=\"small muted\">{}</p>\n<table class=\"matrix\">\n\
<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        esc(w.requirements_heading()),
        esc(&w.requirements_gloss(cols.iter().any(|c| c.assuming.is_some()))),
        esc(w.requirement_label()),
        esc(w.article_label()),
    );
    for c in &cols {
        let _ = write!(out, "<th scope=\"col\">{}</th>", c.label);
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut not_applicable: Vec<String> = Vec::new();
    for id in &ids {
        let nodes: Vec<Option<&Node>> = cols
            .iter()
            .map(|c| c.reqs.iter().find(|r| r.id == *id))
            .collect();
        let Some(first) = nodes.iter().flatten().next() else {
            continue;
        };
        if nodes
            .iter()
            .flatten()
            .all(|r| r.result == Outcome::NotApplicable)
        {
            not_applicable.push(format!(
                "<li>{} <span class=\"muted\">({})</span></li>",
                esc(&first.title),
                esc(&first.cite)
            ));
            continue;
        }
        let code = pack
            .requirements
            .iter()
            .find(|r| r.meta.id == *id)
            .map(|r| format!(" \u{b7} <code>{}</code>", esc(&r.code)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><b>{}</b><span class=\"idline\"><code>{}</code>{code}</span></th><td>{}</td>",
            esc(&first.title),
            esc(id),
            esc(&first.cite)
        );
        for node in &nodes {
            out.push_str("<td>");
            match node {
                Some(r) => badge(out, w, &r.result),
                None => {
                    let _ = write!(
                        out,
                        "<span class=\"badge st-out\">{}</span>",
                        esc(w.badge_not_in_force())
                    );
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if !not_applicable.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"small\"><b>{}:</b></p>\n<ul class=\"na-list\">{}</ul>",
            esc(w.not_applicable_here()),
            not_applicable.concat()
        );
    }
    // The reasoning, requirement by requirement, as the plain-text explanation gives it.
    let _ = writeln!(
        out,
        "<details class=\"reasoning\" id=\"{a}-reasoning\"><summary>{}</summary>",
        esc(w.reasoning_summary())
    );
    for (ci, c) in cols.iter().enumerate() {
        let class = c.assuming.map(|x| w.class(super::side_word(pack, x)));
        let heading = match periods.get(c.period) {
            Some(p) => esc(&w.lawfulness_in_stretch(
                &if n > 1 {
                    w.stretch_of(c.period + 1, n, &p.from, &p.to)
                } else if p.from == p.to {
                    w.on_day(&p.from)
                } else {
                    w.period_heading(&p.from, &p.to)
                },
                class.as_deref(),
            )),
            None => esc(&w.lawfulness_heading(c.assuming.map(|x| super::side_word(pack, x)))),
        };
        let _ = writeln!(out, "<h4>{heading}</h4>");
        // The same reading in the previous stretch, to say "as in stretch k" rather than repeat.
        let prev = cols
            .get(..ci)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|p| p.period + 1 == c.period && p.assuming == c.assuming);
        let mut any = false;
        for r in c.reqs.iter().filter(|r| r.result != Outcome::NotApplicable) {
            any = true;
            out.push_str("<div class=\"req\"><p class=\"req-title\">");
            badge(out, w, &r.result);
            let _ = writeln!(
                out,
                " {} <span class=\"muted\">({})</span></p>",
                esc(&r.title),
                esc(&r.cite)
            );
            if let Some(pc) = prev.filter(|p| p.reqs.iter().any(|x| x == r)) {
                let _ = writeln!(
                    out,
                    "<p class=\"small muted\">{}.</p>",
                    esc(&capitalize(&w.as_in_stretch(c.period)))
                );
                // Judged alike, but the article may have been amended in between.
                if let Some(p) = periods.get(c.period) {
                    quotes(out, w, pack, &r.id, p, periods.get(pc.period));
                }
                out.push_str("</div>\n");
                continue;
            }
            if let Some(d) = &r.detail {
                let _ = writeln!(out, "<p class=\"detail\">{}</p>", esc(d));
            }
            for note in &r.notes {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
            }
            if let Some(p) = periods.get(c.period) {
                quotes(out, w, pack, &r.id, p, None);
            }
            if !r.children.is_empty() {
                out.push_str("<ul class=\"tree\">");
                for ch in &r.children {
                    condition(out, w, ch);
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</div>\n");
        }
        if !any {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(w.no_requirement()));
        }
    }
    out.push_str("</details>\n");
}

/// The articles quoted under a rule, with their versions in force during the stretch `p`,
/// folded: the page holds them whole, the reader unfolds them. With `unless_as_in`, a stretch
/// where the rule was judged alike, nothing is quoted if the same versions were in force then.
fn quotes(
    out: &mut String,
    w: &dyn Words,
    pack: &Pack,
    rule: &str,
    p: &PeriodExplanation,
    unless_as_in: Option<&PeriodExplanation>,
) {
    let in_force = |p: &PeriodExplanation| match (
        crate::date::Date::parse(&p.from),
        crate::date::Date::parse(&p.to),
    ) {
        (Some(from), Some(to)) => pack.quotes(rule, from, to),
        _ => Vec::new(),
    };
    let quoted = in_force(p);
    if unless_as_in.is_some_and(|q| in_force(q) == quoted) {
        return;
    }
    for (a, versions) in quoted {
        let _ = writeln!(
            out,
            "<details class=\"quote\"><summary><span class=\"muted\">{}:</span> {}</summary>",
            esc(w.quote_heading()),
            esc(&a.title)
        );
        if versions.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"quote-version\">{}</p>",
                esc(&capitalize(w.quote_missing()))
            );
        }
        for v in versions {
            let f = v.from.map(|d| d.to_string());
            let u = v.until.map(|d| d.to_string());
            let _ = write!(
                out,
                "<p class=\"quote-version\">{}</p>\n<blockquote>",
                esc(&capitalize(&w.quote_version(
                    f.as_deref(),
                    u.as_deref(),
                    &v.source
                )))
            );
            for para in &v.text {
                let _ = write!(out, "<p>{}</p>", esc(para));
            }
            out.push_str("</blockquote>\n");
        }
        out.push_str("</details>\n");
    }
}

/// One step of a condition, with its sub-steps.
fn condition(out: &mut String, w: &dyn Words, n: &Node) {
    out.push_str("<li>");
    badge(out, w, &n.result);
    if n.kind == NodeKind::Exception {
        let _ = write!(out, "{}: ", esc(w.exception_label()));
    }
    let title = match n.kind {
        NodeKind::All => w.all_of(),
        NodeKind::Any => w.any_of(),
        NodeKind::Not => w.not(),
        NodeKind::Applies => w.applies_when(),
        NodeKind::Requires => w.requires(),
        _ => n.title.as_str(),
    };
    out.push_str(&esc(title));
    if !n.cite.is_empty() {
        let _ = write!(out, " <span class=\"muted\">({})</span>", esc(&n.cite));
    }
    if !n.facts.is_empty() {
        let reads: Vec<String> = n
            .facts
            .iter()
            .map(|f| match &f.at {
                Some(at) => format!(
                    "{} = {} ({})",
                    esc(&f.fact),
                    esc(&f.value),
                    esc(short_at(at))
                ),
                None => format!("{} = {}", esc(&f.fact), esc(&f.value)),
            })
            .collect();
        let _ = write!(out, " <span class=\"facts\">[{}]</span>", reads.join("; "));
    }
    if let Some(d) = &n.detail {
        let _ = write!(out, "<p class=\"detail\">{}</p>", esc(d));
    }
    for note in &n.notes {
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    if !n.children.is_empty() {
        out.push_str("<ul class=\"tree\">");
        for c in &n.children {
            condition(out, w, c);
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>\n");
}

fn not_checked(out: &mut String, w: &dyn Words, a: &str, v: &Verdict) {
    if v.not_checked.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3 id=\"{a}-not-checked\">{}</h3>\n<p class=\"small muted\">{}</p>\n<table>\n\
<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.not_checked_title()),
        esc(w.not_checked_gloss()),
        esc(w.not_checked_what()),
        esc(w.law_label()),
        esc(w.when_label()),
    );
    for g in &v.not_checked {
        let notes: Vec<String> = v
            .explanation
            .as_ref()
            .and_then(|e| {
                e.periods
                    .iter()
                    .flat_map(|p| &p.gaps)
                    .find(|n| n.id == g.rule)
            })
            .map(|n| {
                n.notes
                    .iter()
                    .map(|x| format!("<p class=\"note\">{}</p>", esc(x)))
                    .collect()
            })
            .unwrap_or_default();
        let during: Vec<String> = g.during.iter().map(|d| dates(w, d)).collect();
        let _ = writeln!(
            out,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td></tr>",
            esc(&g.title),
            notes.concat(),
            esc(&g.cite),
            during.join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn possible_violations(out: &mut String, w: &dyn Words, a: &str, v: &Verdict) {
    if v.possible_violations.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3 id=\"{a}-possible\">{}</h3>\n<p class=\"small muted\">{}</p>\n\
<table class=\"viol\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.possible_title()),
        esc(w.possible_gloss()),
        esc(w.code_label()),
        esc(w.may_break_label()),
        esc(w.article_label()),
        esc(w.when_label()),
        esc(w.settled_by_label()),
    );
    for x in &v.possible_violations {
        let mut what = esc(&capitalize(&x.message));
        if let Some(c) = &x.if_classified {
            let _ = write!(
                what,
                "<br><span class=\"cond\">{}</span>",
                esc(&w.only_if(c))
            );
        }
        if let Some(e) = &x.exposes {
            let _ = write!(
                what,
                "<br><span class=\"small muted\">{}</span>",
                esc(&capitalize(&w.would_expose(e)))
            );
        }
        let during: Vec<String> = x.during.iter().map(|d| dates(w, d)).collect();
        let by: Vec<String> = x
            .settled_by
            .iter()
            .map(|f| format!("<code>{}</code>: {}", esc(&f.fact), esc(&f.question)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{what}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&x.code),
            esc(&x.cite),
            during.join("<br>"),
            if by.is_empty() {
                esc(w.settled_by_classification())
            } else {
                by.join("<br>")
            }
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn questions(out: &mut String, w: &dyn Words, a: &str, v: &Verdict) {
    let _ = writeln!(
        out,
        "<h3 id=\"{a}-questions\">{}</h3>",
        esc(w.open_questions())
    );
    if v.unknowns.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(w.no_questions()));
        return;
    }
    let _ = write!(
        out,
        "<table class=\"questions\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(&w.questions_caption(w.question_scope(question_scope(&v.unknowns)))),
        esc(w.fact_label()),
        esc(w.question_label()),
        esc(w.could_change_label()),
        esc(&capitalize(w.burden_label())),
    );
    for u in &v.unknowns {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&u.fact),
            esc(&u.question),
            esc(w.could_change(u.could_change)),
            u.burden.as_deref().map_or_else(
                || "<span class=\"muted\">\u{2014}</span>".to_string(),
                |b| esc(&capitalize(b))
            )
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::{esc, signed, slug, truncate};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(slug("a b/<c>"), "a-b--c-");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(signed(-3), "\u{2212}3");
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(0), "0");
    }
}
