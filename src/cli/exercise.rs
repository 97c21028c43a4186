//! `entrust exercise` (one trainee, interactive or from an answers file) and `entrust grade` (a
//! class's answer files, with a score table). The grading is the library's
//! (`entrust::reason::training`); this file reads, asks and prints.

use super::{Global, Outcome, output};
use entrust::batch::LoadedCase;
use entrust::compile::pack::Pack;
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::training::{
    Answer, AnswerFile, Grade, Lawful, Part, Sheet, grade as grade_answer, points, read_answers,
    render_grade, score_table, split_list, wrap,
};
use entrust::render::text;
use entrust::syntax::ast::{CaseAst, CaseTime, RawValue};
use entrust::verdict::{Verdict, judge};
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
fn present(out: &mut dyn Write, k: usize, n: usize, x: &Exercise<'_>) -> io::Result<()> {
    let c = x.case;
    writeln!(out, "{}", "=".repeat(72))?;
    writeln!(out, "Exercise {k} of {n} ({}): {}", x.level(), c.id.text)?;
    writeln!(
        out,
        "{}",
        c.title.as_ref().map_or("", |t| t.get(x.pack.lang))
    )?;
    writeln!(out)?;
    for (role, name) in [
        ("Transferor", &c.parties.transferor),
        ("Recipient", &c.parties.recipient),
        ("Beneficiary", &c.parties.beneficiary),
    ] {
        if let Some(name) = name {
            writeln!(out, "{role}: {}", name.get(x.pack.lang))?;
        }
    }
    match c.time {
        Some((CaseTime::Date(d), _)) => writeln!(out, "Date: {d}")?,
        Some((CaseTime::Period(f, t), _)) => writeln!(out, "Period: {f} to {t}")?,
        None => {}
    }
    writeln!(out)?;
    writeln!(out, "Facts (a fact not listed is unknown):")?;
    let w = c
        .facts
        .iter()
        .map(|f| f.name.text.chars().count())
        .max()
        .unwrap_or(0);
    for f in &c.facts {
        writeln!(out, "  {:<w$} = {}", f.name.text, raw_value(&f.value))?;
    }
    writeln!(out)?;
    Ok(())
}

/// The verdict's reasoning and the teaching notes, after the trainee answered.
fn debrief(out: &mut dyn Write, x: &Exercise<'_>, g: &Grade) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Score")?;
    write!(out, "{}", render_grade(g))?;
    writeln!(out)?;
    writeln!(out, "The engine's reasoning")?;
    writeln!(out)?;
    let memo = entrust::render::Memo {
        case: Some(x.case),
        ..entrust::render::Memo::of(x.pack)
    };
    write!(out, "{}", text::explanation(&x.verdict, &memo))?;
    if !x.case.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Teaching notes")?;
        for n in &x.case.notes {
            writeln!(out, "  {}", wrap(n.get(x.pack.lang), 94, "  "))?;
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
            Typed::Line(l) if l == "quit" || l == "q" => return Ok(None),
            Typed::Line(l) => l,
        };
        if line == "hint" || line == "?" {
            match hints.get(*shown) {
                Some(h) => {
                    *shown += 1;
                    writeln!(out, "  Hint {}: {}", *shown, wrap(h, 90, "    "))?;
                }
                None => writeln!(out, "  No more hints.")?,
            }
            continue;
        }
        match accept(&line) {
            Ok(v) => return Ok(Some(v)),
            Err(e) => writeln!(out, "  {e}")?,
        }
    }
}

fn lawful_prompt() -> &'static str {
    "Lawful (yes, no, unknown)?"
}

/// Asks for a whole answer on standard input; `None` when the trainee stops.
fn ask_answer(
    input: &mut io::StdinLock<'_>,
    out: &mut dyn Write,
    x: &Exercise<'_>,
) -> io::Result<Option<Answer>> {
    let hints: Vec<String> = x
        .case
        .hints
        .iter()
        .map(|h| h.get(x.pack.lang).to_string())
        .collect();
    let hints = &hints;
    let mut shown = 0usize;
    let choices = classes(x.pack);
    let class_prompt = format!("Classification ({})?", choices.join(", "));
    let Some(classification) = ask(input, out, &class_prompt, hints, &mut shown, |l| {
        let l = l.to_ascii_lowercase();
        if choices.contains(&l) {
            Ok(l)
        } else {
            Err(format!("Answer one of: {}.", choices.join(", ")))
        }
    })?
    else {
        return Ok(None);
    };
    let Some(lawful) = ask(input, out, lawful_prompt(), hints, &mut shown, |l| {
        Lawful::parse(l).ok_or_else(|| "Answer yes, no or unknown.".to_string())
    })?
    else {
        return Ok(None);
    };
    let Some(violations) = ask(
        input,
        out,
        "Violations (codes such as KR-PIPA-17-1, or none)?",
        hints,
        &mut shown,
        |l| Ok::<_, String>(split_list(l)),
    )?
    else {
        return Ok(None);
    };
    let Some(because) = ask(
        input,
        out,
        "Decisive grounds (facts or rules, e.g. processing_serves)?",
        hints,
        &mut shown,
        |l| Ok::<_, String>(split_list(l)),
    )?
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

fn show_list(xs: &Option<Vec<String>>) -> String {
    match xs {
        None => "(no answer)".into(),
        Some(v) if v.is_empty() => "none".into(),
        Some(v) => v.join(", "),
    }
}

/// Prints an answer from a file as if it had been typed, with the hints it asked for.
fn echo_answer(out: &mut dyn Write, x: &Exercise<'_>, a: &Answer) -> io::Result<()> {
    for (i, h) in x.case.hints.iter().take(a.hints).enumerate() {
        writeln!(
            out,
            "  Hint {}: {}",
            i + 1,
            wrap(h.get(x.pack.lang), 90, "    ")
        )?;
    }
    let choices = classes(x.pack);
    writeln!(
        out,
        "  Classification ({})? {}",
        choices.join(", "),
        a.classification.as_deref().unwrap_or("(no answer)")
    )?;
    writeln!(
        out,
        "  {} {}",
        lawful_prompt(),
        a.lawful.map_or("(no answer)", Lawful::word)
    )?;
    writeln!(
        out,
        "  Violations (codes such as KR-PIPA-17-1, or none)? {}",
        show_list(&a.violations)
    )?;
    writeln!(
        out,
        "  Decisive grounds (facts or rules, e.g. processing_serves)? {}",
        show_list(&a.because)
    )?;
    Ok(())
}

/// Points per part over a session: earned value and count.
fn part_totals(grades: &[Grade]) -> Vec<(Part, f64)> {
    [
        Part::Classification,
        Part::Lawfulness,
        Part::Violations,
        Part::Grounds,
    ]
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

fn read_answer_file(path: &Path) -> Result<AnswerFile, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("error: {}: cannot read the file: {e}", path.display()))?;
    read_answers(&text).map_err(|e| {
        if e.line > 0 {
            format!(
                "error: {}:{}:{}: {}",
                path.display(),
                e.line,
                e.col,
                e.message
            )
        } else {
            format!("error: {}: {}", path.display(), e.message)
        }
    })
}

/// Answers naming no exercise of the set: reported with their line.
fn stray_answers(path: &Path, file: &AnswerFile, xs: &[Exercise<'_>]) -> Vec<String> {
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
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            format!(
                "error: {}:{}: no exercise `{}` in this set{near}",
                path.display(),
                a.line.unwrap_or(0),
                a.case
            )
        })
        .collect()
}

fn session(
    out: &mut dyn Write,
    xs: &[Exercise<'_>],
    dir: &Path,
    answers: &mut Answers<'_>,
) -> io::Result<Vec<Grade>> {
    let count = |l: &str| xs.iter().filter(|x| x.level() == l).count();
    writeln!(
        out,
        "Training: {} exercise{} from {} (easy {}, medium {}, hard {})",
        xs.len(),
        if xs.len() == 1 { "" } else { "s" },
        dir.display(),
        count("easy"),
        count("medium"),
        count("hard")
    )?;
    match answers {
        Answers::File(f) => writeln!(out, "Trainee: {}", f.trainee)?,
        Answers::Ask(_) => writeln!(
            out,
            "Answer each question; type `hint` for a hint, `quit` to stop."
        )?,
    }
    let mut grades = Vec::new();
    for (k, x) in xs.iter().enumerate() {
        present(out, k + 1, xs.len(), x)?;
        let hints = x.case.hints.len();
        if hints > 0 {
            let how = match answers {
                Answers::Ask(_) => " (type `hint` at any question)",
                Answers::File(_) => "",
            };
            writeln!(
                out,
                "{hints} hint{} available{how}.",
                if hints == 1 { "" } else { "s" }
            )?;
        }
        writeln!(out, "Your answer:")?;
        let answer = match answers {
            Answers::Ask(input) => match ask_answer(input, out, x)? {
                Some(a) => a,
                None => {
                    writeln!(out, "Stopped.")?;
                    break;
                }
            },
            Answers::File(f) => {
                let a = f
                    .answer(&x.case.id.text)
                    .cloned()
                    .unwrap_or_else(|| Answer::blank(&x.case.id.text));
                echo_answer(out, x, &a)?;
                a
            }
        };
        let g = x.grade(&answer);
        debrief(out, x, &g)?;
        grades.push(g);
    }
    writeln!(out, "{}", "=".repeat(72))?;
    let total: f64 = grades.iter().map(Grade::total).sum();
    let possible = Grade::POSSIBLE * grades.len() as f64;
    let pct = if possible > 0.0 {
        format!(" ({:.0}%)", 100.0 * total / possible)
    } else {
        String::new()
    };
    writeln!(
        out,
        "Total: {} out of {} over {} exercise{}{pct}",
        points(total),
        points(possible),
        grades.len(),
        if grades.len() == 1 { "" } else { "s" }
    )?;
    for (part, sum) in part_totals(&grades)
        .into_iter()
        .filter(|_| !grades.is_empty())
    {
        writeln!(
            out,
            "  {:<15} {} out of {}",
            part.name(),
            points(sum),
            grades.len()
        )?;
    }
    Ok(grades)
}

pub fn run(g: &Global, dir: &Path, answers: Option<&Path>) -> Outcome {
    let (mut lib, mut outcome) = output::packs(g);
    let (cases, o) = output::cases(&mut lib, &[dir.to_path_buf()], None);
    outcome = outcome.worst(o);
    let xs = exercises(&lib, &cases);
    if xs.is_empty() {
        eprintln!("error: no exercises in {}", dir.display());
        return Outcome::BadInput;
    }
    let stdin = io::stdin();
    let mut source = match answers {
        Some(path) => match read_answer_file(path) {
            Ok(f) => {
                // A file may answer more exercises than DIR holds; only a near miss (a
                // misspelt id) is worth a warning.
                for e in stray_answers(path, &f, &xs) {
                    if e.contains("did you mean") {
                        eprintln!("{}", e.replacen("error:", "warning:", 1));
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
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = session(&mut out, &xs, dir, &mut source) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: {e}");
        }
        return outcome.worst(Outcome::BadInput);
    }
    let _ = out.flush();
    outcome
}

pub fn grade(g: &Global, answers: &[PathBuf], cases_dir: &Path) -> Outcome {
    let (mut lib, mut outcome) = output::packs(g);
    let (cases, o) = output::cases(&mut lib, &[cases_dir.to_path_buf()], None);
    outcome = outcome.worst(o);
    let xs = exercises(&lib, &cases);
    if xs.is_empty() {
        eprintln!("error: no exercises in {}", cases_dir.display());
        return Outcome::BadInput;
    }
    let mut sheets: Vec<Sheet> = Vec::new();
    for path in answers {
        let file = match read_answer_file(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{e}");
                outcome = outcome.worst(Outcome::BadInput);
                continue;
            }
        };
        for e in stray_answers(path, &file, &xs) {
            eprintln!("{e}");
            outcome = outcome.worst(Outcome::BadInput);
        }
        let grades = xs
            .iter()
            .filter_map(|x| file.answer(&x.case.id.text).map(|a| x.grade(a)))
            .collect();
        sheets.push(Sheet {
            trainee: file.trainee.clone(),
            source: path.display().to_string(),
            grades,
        });
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = report(&mut out, &xs, &sheets, cases_dir) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: {e}");
        }
        return outcome.worst(Outcome::BadInput);
    }
    let _ = out.flush();
    outcome
}

fn report(
    out: &mut dyn Write,
    xs: &[Exercise<'_>],
    sheets: &[Sheet],
    dir: &Path,
) -> io::Result<()> {
    writeln!(
        out,
        "Scores: {} trainee{} on {} exercises from {} (4 points each: classification, lawfulness, violations, grounds; - = not answered)",
        sheets.len(),
        if sheets.len() == 1 { "" } else { "s" },
        xs.len(),
        dir.display()
    )?;
    writeln!(out)?;
    let rows: Vec<(String, String)> = xs
        .iter()
        .map(|x| (x.case.id.text.clone(), x.level().to_string()))
        .collect();
    write!(out, "{}", score_table(&rows, sheets))?;
    for s in sheets {
        writeln!(out)?;
        writeln!(out, "{}", "=".repeat(72))?;
        let possible = Grade::POSSIBLE * xs.len() as f64;
        writeln!(
            out,
            "{} ({}): {} out of {}",
            s.trainee,
            s.source,
            points(s.total()),
            points(possible)
        )?;
        let unanswered: Vec<&str> = xs
            .iter()
            .map(|x| x.case.id.text.as_str())
            .filter(|id| s.grade(id).is_none())
            .collect();
        if !unanswered.is_empty() {
            writeln!(out, "Not answered: {}", unanswered.join(", "))?;
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
                "{} ({}, {}): {} out of 4",
                x.case.id.text,
                x.level(),
                x.at,
                points(g.total())
            )?;
            write!(out, "{}", render_grade(g))?;
        }
        if perfect && unanswered.is_empty() {
            writeln!(out, "Every answer is right.")?;
        }
    }
    Ok(())
}
