//! `entrust exercise` (one trainee, interactive or from an answers file) and `entrust grade` (a
//! class's answer files, with a score table). The grading is the library's
//! (`entrust::reason::training`), its words `entrust::render::training`'s; this file reads,
//! asks and prints, every phrase in the language of the run.

use super::{Global, Outcome, output};
use entrust::batch::{LoadedCase, bind_cases};
use entrust::compile::pack::Pack;
use entrust::diagnostic::error_count;
use entrust::eval::Evaluator;
use entrust::lang::Lang;
use entrust::library::Library;
use entrust::reason::training::{
    Answer, AnswerFile, BUILTIN_EXERCISES, Grade, Lawful, Part, Sheet, builtin_exercises,
    grade as grade_answer, read_answers, split_list,
};
use entrust::render::training::{self as words_of, pad_right, points, wrap};
use entrust::render::{Memo, text};
use entrust::syntax::ast::{CaseAst, CaseTime, RawValue};
use entrust::verdict::{Verdict, judge};
use entrust::words::{Words, words};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// An exercise ready to be set: the case, the pack it is judged under, and its verdict with the
/// explanation.
struct Exercise<'a> {
    case: &'a CaseAst,
    pack: &'a Pack,
    verdict: Verdict,
    /// `file:line` of the case.
    at: String,
}

impl Exercise<'_> {
    fn level(&self) -> &str {
        self.case.level.as_deref().unwrap_or("-")
    }

    fn key(&self) -> Vec<String> {
        self.case
            .expect
            .as_ref()
            .map(|e| e.because.iter().map(|n| n.text.clone()).collect())
            .unwrap_or_default()
    }

    fn grade(&self, a: &Answer) -> Grade {
        grade_answer(a, &self.verdict, self.pack, &self.key())
    }
}

fn level_rank(level: Option<&str>) -> u8 {
    match level {
        Some("easy") => 0,
        Some("medium") => 1,
        Some("hard") => 2,
        _ => 3,
    }
}

/// Judges every case (under its first pack) and orders them easy, medium, hard, then by file
/// name and place in the file.
fn exercises<'a>(lib: &'a Library, cases: &'a [LoadedCase]) -> Vec<Exercise<'a>> {
    let mut ev = Evaluator::new();
    let mut out: Vec<(u8, String, u32, Exercise<'a>)> = Vec::new();
    for c in cases {
        let Some((i, bound)) = c.bound.first() else {
            continue;
        };
        let Some(pack) = lib.packs.get(*i) else {
            continue;
        };
        let verdict = judge(pack, &c.case, bound, &mut ev, Some(&lib.sources));
        let (file, at) = lib
            .sources
            .locate(c.case.span)
            .map(|(f, lc)| (f.clone(), format!("{f}:{}", lc.line)))
            .unwrap_or_default();
        out.push((
            level_rank(c.case.level.as_deref()),
            file,
            c.case.span.start,
            Exercise {
                case: &c.case,
                pack,
                verdict,
                at,
            },
        ));
    }
    out.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    out.into_iter().map(|(_, _, _, e)| e).collect()
}

fn raw_value(v: &RawValue) -> String {
    match v {
        RawValue::Unknown => "unknown".into(),
        RawValue::Bool(b) => b.to_string(),
        RawValue::Int(n) => n.to_string(),
        RawValue::Text(t) => t.clone(),
        RawValue::List(xs) => format!(
            "{{{}}}",
            xs.iter()
                .map(|(x, _)| x.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        RawValue::Other(o) => o.to_string(),
    }
}

/// The case as set to the trainee: title, parties, date or period and facts; not the expected
/// answer, the source or the teaching notes.
fn present(
    out: &mut dyn Write,
    w: &dyn Words,
    k: usize,
    n: usize,
    x: &Exercise<'_>,
) -> io::Result<()> {
    let c = x.case;
    let lang = w.lang();
    writeln!(out, "{}", "=".repeat(72))?;
    writeln!(
        out,
        "{}",
        w.exercise_heading(k, n, &w.level(x.level()), &c.id.text)
    )?;
    writeln!(out, "{}", c.title.as_ref().map_or("", |t| t.get(lang)))?;
    writeln!(out)?;
    for (role, name) in [
        ("transferor", &c.parties.transferor),
        ("recipient", &c.parties.recipient),
        ("beneficiary", &c.parties.beneficiary),
    ] {
        if let Some(name) = name {
            writeln!(out, "{}: {}", w.party_label(role), name.get(lang))?;
        }
    }
    match c.time {
        Some((CaseTime::Date(d), _)) => writeln!(out, "{}", w.date_line(&d.to_string()))?,
        Some((CaseTime::Period(f, t), _)) => {
            writeln!(out, "{}", w.period_line(&f.to_string(), &t.to_string(), 1))?;
        }
        None => {}
    }
    writeln!(out)?;
    writeln!(out, "{}", w.facts_heading())?;
    let width = c
        .facts
        .iter()
        .map(|f| words_of::width(&f.name.text))
        .max()
        .unwrap_or(0);
    for f in &c.facts {
        writeln!(
            out,
            "  {} = {}",
            pad_right(&f.name.text, width),
            raw_value(&f.value)
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// The verdict's reasoning and the teaching notes, after the trainee answered.
fn debrief(out: &mut dyn Write, w: &dyn Words, x: &Exercise<'_>, g: &Grade) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", w.score_heading())?;
    write!(out, "{}", words_of::grade(g, w))?;
    writeln!(out)?;
    writeln!(out, "{}", w.engine_reasoning_heading())?;
    writeln!(out)?;
    let memo = Memo {
        pack: x.pack,
        case: Some(x.case),
        words: w,
        quote: false,
    };
    write!(out, "{}", text::explanation(&x.verdict, &memo))?;
    if !x.case.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", w.teaching_notes_heading())?;
        for n in &x.case.notes {
            writeln!(out, "  {}", wrap(n.get(w.lang()), 94, "  "))?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn classes(pack: &Pack) -> Vec<String> {
    let mut v: Vec<String> = pack
        .classifier()
        .map(|w| w.sides.to_vec())
        .unwrap_or_default();
    v.push("undecided".into());
    v
}

/// The classifications a trainee may answer, in words.
fn class_choices(w: &dyn Words, choices: &[String]) -> String {
    choices
        .iter()
        .map(|c| w.answer_class(c))
        .collect::<Vec<_>>()
        .join(w.comma())
}

/// Whether a typed line is one of the words of any language entrust speaks (case and spaces
/// aside).
fn typed_as(line: &str, of: impl Fn(&dyn Words) -> &'static [&'static str]) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>().to_lowercase();
    let t = squeeze(line);
    Lang::ALL
        .into_iter()
        .any(|l| of(words(l)).iter().any(|x| squeeze(x) == t))
}

/// Reads a classification: its code, or its name in any language entrust speaks (`위탁`).
fn read_class(line: &str, choices: &[String]) -> Option<String> {
    let l = line.trim().to_lowercase();
    if choices.contains(&l) {
        return Some(l);
    }
    choices
        .iter()
        .find(|c| typed_as(line, |w| w.class_typed(c)))
        .cloned()
}

/// Reads a list of codes or names: `none` (in any language) or the names, split.
fn read_list(line: &str) -> Vec<String> {
    if typed_as(line, |w| w.none_typed()) {
        Vec::new()
    } else {
        split_list(line)
    }
}

/// Where the answers come from.
enum Answers<'a> {
    /// Asked on standard input.
    Ask(io::StdinLock<'a>),
    /// Read from an answers file, and shown as if typed.
    File(AnswerFile),
}

/// What the trainee typed at a prompt.
enum Typed {
    Line(String),
    Quit,
}

/// Asks one question until `accept` takes the line; `hint` shows the next hint, `quit` or the
/// end of input stops.
fn ask<T>(
    input: &mut io::StdinLock<'_>,
    out: &mut dyn Write,
    w: &dyn Words,
    prompt: &str,
    hints: &[String],
    shown: &mut usize,
    accept: impl Fn(&str) -> Result<T, String>,
) -> io::Result<Option<T>> {
    loop {
        write!(out, "  {prompt} ")?;
        out.flush()?;
        let typed = {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                Typed::Quit
            } else {
                // Answers piped in are not echoed by a terminal: show them as if typed.
                if !input.is_terminal() {
                    writeln!(out, "{}", line.trim())?;
                }
                Typed::Line(line.trim().to_string())
            }
        };
        let line = match typed {
            Typed::Quit => {
                writeln!(out)?;
                return Ok(None);
            }
            Typed::Line(l) if typed_as(&l, |w| w.quit_typed()) => return Ok(None),
            Typed::Line(l) => l,
        };
        if typed_as(&line, |w| w.hint_typed()) {
            match hints.get(*shown) {
                Some(h) => {
                    *shown += 1;
                    writeln!(out, "  {} {}", w.hint_label(*shown), wrap(h, 90, "    "))?;
                }
                None => writeln!(out, "  {}", w.no_more_hints())?,
            }
            continue;
        }
        match accept(&line) {
            Ok(v) => return Ok(Some(v)),
            Err(e) => writeln!(out, "  {e}")?,
        }
    }
}

/// Asks for a whole answer on standard input; `None` when the trainee stops.
fn ask_answer(
    input: &mut io::StdinLock<'_>,
    out: &mut dyn Write,
    w: &dyn Words,
    x: &Exercise<'_>,
) -> io::Result<Option<Answer>> {
    let hints: Vec<String> = x
        .case
        .hints
        .iter()
        .map(|h| h.get(w.lang()).to_string())
        .collect();
    let hints = &hints;
    let mut shown = 0usize;
    let choices = classes(x.pack);
    let listed = class_choices(w, &choices);
    let Some(classification) = ask(
        input,
        out,
        w,
        &w.class_prompt(&listed),
        hints,
        &mut shown,
        |l| read_class(l, &choices).ok_or_else(|| w.class_retry(&listed)),
    )?
    else {
        return Ok(None);
    };
    let Some(lawful) = ask(input, out, w, w.lawful_prompt(), hints, &mut shown, |l| {
        Lawful::parse(l).ok_or_else(|| w.lawful_retry().to_string())
    })?
    else {
        return Ok(None);
    };
    let Some(violations) = ask(
        input,
        out,
        w,
        w.violations_prompt(),
        hints,
        &mut shown,
        |l| Ok::<_, String>(read_list(l)),
    )?
    else {
        return Ok(None);
    };
    let Some(because) = ask(input, out, w, w.grounds_prompt(), hints, &mut shown, |l| {
        Ok::<_, String>(read_list(l))
    })?
    else {
        return Ok(None);
    };
    Ok(Some(Answer {
        case: x.case.id.text.clone(),
        classification: Some(classification),
        lawful: Some(lawful),
        violations: Some(violations),
        because: Some(because),
        hints: shown,
        line: None,
    }))
}

fn show_list(w: &dyn Words, xs: &Option<Vec<String>>) -> String {
    match xs {
        None => format!("({})", w.no_answer()),
        Some(v) if v.is_empty() => w.none().to_string(),
        Some(v) => v.join(w.comma()),
    }
}

/// Prints an answer from a file as if it had been typed, with the hints it asked for.
fn echo_answer(out: &mut dyn Write, w: &dyn Words, x: &Exercise<'_>, a: &Answer) -> io::Result<()> {
    for (i, h) in x.case.hints.iter().take(a.hints).enumerate() {
        writeln!(
            out,
            "  {} {}",
            w.hint_label(i + 1),
            wrap(h.get(w.lang()), 90, "    ")
        )?;
    }
    let no_answer = format!("({})", w.no_answer());
    let choices = classes(x.pack);
    writeln!(
        out,
        "  {} {}",
        w.class_prompt(&class_choices(w, &choices)),
        a.classification
            .as_deref()
            .map_or_else(|| no_answer.clone(), |c| w.answer_class(c))
    )?;
    writeln!(
        out,
        "  {} {}",
        w.lawful_prompt(),
        a.lawful
            .map_or(no_answer.as_str(), |l| w.lawful_answer(l.as_verdict()))
    )?;
    writeln!(
        out,
        "  {} {}",
        w.violations_prompt(),
        show_list(w, &a.violations)
    )?;
    writeln!(out, "  {} {}", w.grounds_prompt(), show_list(w, &a.because))?;
    Ok(())
}

/// An answer from a file, its classification read as typed answers are (`위탁` for
/// `outsourcing`).
fn from_file(a: &Answer, x: &Exercise<'_>) -> Answer {
    let mut a = a.clone();
    if let Some(c) = a
        .classification
        .as_deref()
        .and_then(|c| read_class(c, &classes(x.pack)))
    {
        a.classification = Some(c);
    }
    a
}

/// Points per part over a session.
fn part_totals(grades: &[Grade]) -> Vec<(Part, f64)> {
    Part::ALL
        .into_iter()
        .map(|part| {
            let sum = grades
                .iter()
                .flat_map(|g| g.parts())
                .filter(|p| p.part == part)
                .map(|p| p.score.value())
                .sum();
            (part, sum)
        })
        .collect()
}

fn read_answer_file(w: &dyn Words, path: &Path) -> Result<AnswerFile, String> {
    let bytes = entrust::source::read_whole(path).map_err(|e| {
        let why = entrust::batch::Msg::reason(&e, w);
        w.cannot_read(&path.display().to_string(), &why)
    })?;
    // Decoded as every input is (a leading byte order mark dropped; not UTF-8, an error at
    // its place).
    let mut sources = entrust::source::SourceMap::new();
    let (id, not_utf8) = sources.add_bytes(path.display().to_string(), bytes, 1);
    if let Some(bad) = not_utf8.first() {
        let shown = sources.not_utf8(id, *bad).render_in(&sources, w);
        return Err(shown.trim_end().to_string());
    }
    let text = sources.get(id).map(|f| f.text.clone()).unwrap_or_default();
    read_answers(&text).map_err(|e| {
        let place = if e.line > 0 {
            format!("{}:{}:{}", path.display(), e.line, e.col)
        } else {
            path.display().to_string()
        };
        w.answers_error(&place, &e.problem)
    })
}

/// An answer naming no exercise of the set.
struct Stray {
    /// `path:line` of the answer.
    place: String,
    /// The id it names.
    id: String,
    /// The nearest id of the set, if near enough to be a misspelling.
    near: Option<String>,
}

/// Answers naming no exercise of the set, with their line.
fn stray_answers(path: &Path, file: &AnswerFile, xs: &[Exercise<'_>]) -> Vec<Stray> {
    file.answers
        .iter()
        .filter(|a| !xs.iter().any(|x| x.case.id.text == a.case))
        .map(|a| {
            let near = xs
                .iter()
                .map(|x| x.case.id.text.as_str())
                .max_by(|p, q| {
                    strsim::jaro_winkler(p, &a.case)
                        .partial_cmp(&strsim::jaro_winkler(q, &a.case))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .filter(|n| strsim::jaro_winkler(n, &a.case) > 0.8)
                .map(str::to_string);
            Stray {
                place: format!("{}:{}", path.display(), a.line.unwrap_or(0)),
                id: a.case.clone(),
                near,
            }
        })
        .collect()
}

fn session(
    out: &mut dyn Write,
    w: &dyn Words,
    xs: &[Exercise<'_>],
    dir: &Path,
    answers: &mut Answers<'_>,
) -> io::Result<Vec<Grade>> {
    let count = |l: &str| xs.iter().filter(|x| x.level() == l).count();
    writeln!(
        out,
        "{}",
        w.training_intro(
            xs.len(),
            &dir.display().to_string(),
            count("easy"),
            count("medium"),
            count("hard")
        )
    )?;
    match answers {
        Answers::File(f) => writeln!(out, "{}", w.trainee_line(&f.trainee))?,
        Answers::Ask(_) => writeln!(out, "{}", w.how_to_answer())?,
    }
    let mut grades = Vec::new();
    for (k, x) in xs.iter().enumerate() {
        present(out, w, k + 1, xs.len(), x)?;
        let hints = x.case.hints.len();
        if hints > 0 {
            let interactive = matches!(answers, Answers::Ask(_));
            writeln!(out, "{}", w.hints_available(hints, interactive))?;
        }
        writeln!(out, "{}", w.your_answer())?;
        let answer = match answers {
            Answers::Ask(input) => match ask_answer(input, out, w, x)? {
                Some(a) => a,
                None => {
                    writeln!(out, "{}", w.stopped())?;
                    break;
                }
            },
            Answers::File(f) => {
                let a = f
                    .answer(&x.case.id.text)
                    .cloned()
                    .unwrap_or_else(|| Answer::blank(&x.case.id.text));
                echo_answer(out, w, x, &a)?;
                from_file(&a, x)
            }
        };
        let g = x.grade(&answer);
        debrief(out, w, x, &g)?;
        grades.push(g);
    }
    writeln!(out, "{}", "=".repeat(72))?;
    let total: f64 = grades.iter().map(Grade::total).sum();
    let possible = Grade::POSSIBLE * grades.len() as f64;
    let pct = (possible > 0.0).then(|| format!("{:.0}%", 100.0 * total / possible));
    writeln!(
        out,
        "{}",
        w.session_total(
            &points(total),
            &points(possible),
            grades.len(),
            pct.as_deref()
        )
    )?;
    for (part, sum) in part_totals(&grades)
        .into_iter()
        .filter(|_| !grades.is_empty())
    {
        writeln!(
            out,
            "  {} {}",
            pad_right(w.part(part), 15),
            w.score_of(&points(sum), &grades.len().to_string())
        )?;
    }
    Ok(grades)
}

/// The exercises of `dir`, or those built into entrust when no folder is named (so that
/// `exercise` and `grade` work from any folder); with the name of where they come from.
fn load_exercises(lib: &mut Library, dir: Option<&Path>) -> (Vec<LoadedCase>, Outcome, PathBuf) {
    if let Some(dir) = dir {
        let (cases, o) = output::cases(lib, &[dir.to_path_buf()], None);
        return (cases, o, dir.to_path_buf());
    }
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (name, text) in builtin_exercises() {
        let id = lib.sources.add(name, text);
        let read = entrust::case::read(&lib.sources, id, entrust::case::Format::Case);
        errors.extend(read.diagnostics);
        let (loaded, errs) = bind_cases(lib, read.cases, None, &mut ids);
        cases.extend(loaded);
        errors.extend(errs);
    }
    output::report(lib, &errors);
    let outcome = if error_count(&errors) > 0 {
        Outcome::BadInput
    } else {
        Outcome::Ok
    };
    (cases, outcome, PathBuf::from(BUILTIN_EXERCISES))
}

pub fn run(g: &Global, dir: Option<&Path>, answers: Option<&Path>) -> Outcome {
    let w = g.words();
    let (mut lib, mut outcome) = output::packs(g);
    if lib.packs.is_empty() {
        return outcome.worst(Outcome::BadInput);
    }
    let (cases, o, dir) = load_exercises(&mut lib, dir);
    let dir = dir.as_path();
    outcome = outcome.worst(o);
    let xs = exercises(&lib, &cases);
    if xs.is_empty() {
        eprintln!("{}", w.no_exercises(&dir.display().to_string()));
        return Outcome::BadInput;
    }
    let stdin = io::stdin();
    let mut source = match answers {
        Some(path) => match read_answer_file(w, path) {
            Ok(f) => {
                // A file may answer more exercises than DIR holds; only a near miss (a
                // misspelt id) is worth a warning.
                for e in stray_answers(path, &f, &xs) {
                    if let Some(near) = &e.near {
                        eprintln!("{}", w.stray_answer(&e.place, &e.id, Some(near), true));
                    }
                }
                Answers::File(f)
            }
            Err(e) => {
                eprintln!("{e}");
                return Outcome::BadInput;
            }
        },
        None => Answers::Ask(stdin.lock()),
    };
    let mut out = output::stdout();
    if let Err(e) = session(&mut out, w, &xs, dir, &mut source) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("{}", w.io_error(&e.to_string()));
        }
        return outcome.worst(Outcome::BadInput);
    }
    let _ = out.flush();
    outcome
}

pub fn grade(g: &Global, answers: &[PathBuf], cases_dir: Option<&Path>) -> Outcome {
    let w = g.words();
    let (mut lib, mut outcome) = output::packs(g);
    if lib.packs.is_empty() {
        return outcome.worst(Outcome::BadInput);
    }
    let (cases, o, cases_dir) = load_exercises(&mut lib, cases_dir);
    let cases_dir = cases_dir.as_path();
    outcome = outcome.worst(o);
    let xs = exercises(&lib, &cases);
    if xs.is_empty() {
        eprintln!("{}", w.no_exercises(&cases_dir.display().to_string()));
        return Outcome::BadInput;
    }
    let mut sheets: Vec<Sheet> = Vec::new();
    for path in answers {
        let file = match read_answer_file(w, path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{e}");
                outcome = outcome.worst(Outcome::BadInput);
                continue;
            }
        };
        for e in stray_answers(path, &file, &xs) {
            eprintln!(
                "{}",
                w.stray_answer(&e.place, &e.id, e.near.as_deref(), false)
            );
            outcome = outcome.worst(Outcome::BadInput);
        }
        let grades = xs
            .iter()
            .filter_map(|x| {
                file.answer(&x.case.id.text)
                    .map(|a| x.grade(&from_file(a, x)))
            })
            .collect();
        sheets.push(Sheet {
            trainee: file.trainee.clone(),
            source: path.display().to_string(),
            grades,
        });
    }
    let mut out = output::stdout();
    if let Err(e) = report(&mut out, w, &xs, &sheets, cases_dir) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("{}", w.io_error(&e.to_string()));
        }
        return outcome.worst(Outcome::BadInput);
    }
    let _ = out.flush();
    outcome
}

fn report(
    out: &mut dyn Write,
    w: &dyn Words,
    xs: &[Exercise<'_>],
    sheets: &[Sheet],
    dir: &Path,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        w.scores_intro(sheets.len(), xs.len(), &dir.display().to_string())
    )?;
    writeln!(out)?;
    let rows: Vec<(String, String)> = xs
        .iter()
        .map(|x| (x.case.id.text.clone(), x.level().to_string()))
        .collect();
    write!(out, "{}", words_of::score_table(&rows, sheets, w))?;
    for s in sheets {
        writeln!(out)?;
        writeln!(out, "{}", "=".repeat(72))?;
        let possible = Grade::POSSIBLE * xs.len() as f64;
        writeln!(
            out,
            "{} ({}): {}",
            s.trainee,
            s.source,
            w.score_of(&points(s.total()), &points(possible))
        )?;
        let unanswered: Vec<&str> = xs
            .iter()
            .map(|x| x.case.id.text.as_str())
            .filter(|id| s.grade(id).is_none())
            .collect();
        if !unanswered.is_empty() {
            writeln!(out, "{}", w.not_answered(&unanswered.join(w.comma())))?;
        }
        let mut perfect = true;
        for x in xs {
            let Some(g) = s.grade(&x.case.id.text) else {
                continue;
            };
            if g.parts().iter().all(|p| p.score.full()) {
                continue;
            }
            perfect = false;
            writeln!(out)?;
            writeln!(
                out,
                "{} ({}, {}): {}",
                x.case.id.text,
                w.level(x.level()),
                x.at,
                w.score_of(&points(g.total()), &points(Grade::POSSIBLE))
            )?;
            write!(out, "{}", words_of::grade(g, w))?;
        }
        if perfect && unanswered.is_empty() {
            writeln!(out, "{}", w.all_right())?;
        }
    }
    Ok(())
}
