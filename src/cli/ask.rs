//! `entrust ask`: an interview that asks only what can still change the outcome, most decisive
//! first, and saves the answers.

use super::{Global, Outcome, output};
use entrust::batch::{collect_inputs, load_cases};
use entrust::case::Format as CaseFormat;
use entrust::compile::pack::{FactId, Val};
use entrust::eval::Evaluator;
use entrust::reason::ask::{Until, ending, next_question, parse_answer, save_into_case_text};
use entrust::render::{ask as render, text};
use entrust::verdict::judge;
use entrust::words::Words;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// Answers read from a file: `fact = value` per line (case language) or `fact: value` (YAML).
/// An error is returned as the line to print.
fn read_answers(path: &Path, w: &dyn Words) -> Result<HashMap<String, String>, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| w.ask_cannot_read_answers(&path.display().to_string(), &e.to_string()))?;
    // Decoded as every input is (a leading byte order mark dropped; not UTF-8, an error at
    // its place).
    let mut sources = entrust::source::SourceMap::new();
    let (id, not_utf8) = sources.add_bytes(path.display().to_string(), bytes, 1);
    if let Some(bad) = not_utf8.first() {
        let shown = sources.not_utf8(id, *bad).render_in(&sources, w);
        return Err(shown.trim_end().to_string());
    }
    let text = sources.get(id).map(|f| f.text.clone()).unwrap_or_default();
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line == "---" {
            continue;
        }
        let Some((k, v)) = line.split_once('=').or_else(|| line.split_once(':')) else {
            return Err(w.ask_bad_answers_line(&path.display().to_string(), i + 1, line));
        };
        out.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
    }
    Ok(out)
}

pub fn run(
    g: &Global,
    case_path: &Path,
    answers_path: Option<&Path>,
    save: Option<&Path>,
    no_save: bool,
    until: Until,
) -> Outcome {
    let (mut lib, outcome) = output::packs(g);
    if outcome != Outcome::Ok {
        return outcome;
    }
    let w = g.words();
    let scripted = match answers_path.map(|p| read_answers(p, w)) {
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => {
            eprintln!("{e}");
            return Outcome::BadInput;
        }
        None => None,
    };
    let (inputs, errs) = collect_inputs(&[case_path.to_path_buf()]);
    let (cases, errs2) = load_cases(&mut lib, &inputs, g.as_of);
    let errors: Vec<_> = errs.into_iter().chain(errs2).collect();
    output::report(&lib, &errors);
    if !errors.is_empty() || cases.is_empty() {
        return Outcome::BadInput;
    }
    let format = inputs.first().map(|i| i.format);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut ev = Evaluator::new();
    let mut all_answers: Vec<(usize, Vec<(FactId, Val)>)> = Vec::new();
    let mut answered_cases: Vec<String> = Vec::new();
    for (ci, c) in cases.iter().enumerate() {
        for (pi, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*pi) else {
                continue;
            };
            let mut bound = bound.clone();
            let mut asked: Vec<FactId> = Vec::new();
            let mut answered: Vec<(FactId, Val)> = Vec::new();
            let _ = writeln!(
                out,
                "{} [{}]: {}",
                c.case.id.text,
                pack.id,
                c.case.title.as_ref().map_or("", |t| t.get(g.lang))
            );
            while let Some(q) = next_question(pack, &bound, &mut ev, &asked, until) {
                asked.push(q.fact);
                let _ = write!(out, "{}", render::question(w, &q));
                let value = loop {
                    let _ = write!(out, "{} = ", q.name);
                    let _ = out.flush();
                    let answer = match &scripted {
                        Some(a) => {
                            let v = a
                                .get(&q.name)
                                .cloned()
                                .unwrap_or_else(|| "unknown".to_string());
                            let _ = writeln!(out, "{v}");
                            v
                        }
                        None => {
                            let mut line = String::new();
                            match input.read_line(&mut line) {
                                Ok(0) | Err(_) => {
                                    let _ = writeln!(out);
                                    "unknown".to_string()
                                }
                                Ok(_) => line,
                            }
                        }
                    };
                    match parse_answer(pack, q.fact, &answer) {
                        Ok(v) => break v,
                        Err(e) => {
                            let why = render::bad_answer(w, &q, &e);
                            let _ = writeln!(out, "  {why}");
                            if scripted.is_some() {
                                // A scripted answer that does not fit is an input error.
                                eprintln!("{}", w.ask_bad_scripted_answer(&q.name, &why));
                                return Outcome::BadInput;
                            }
                        }
                    }
                };
                if value != Val::Unknown {
                    if let Some(slot) = bound.facts.get_mut(usize::from(q.fact)) {
                        *slot = value;
                    }
                    answered.push((q.fact, value));
                }
            }
            let v = judge(pack, &c.case, &bound, &mut ev, None);
            let end = ending(!asked.is_empty(), &v, until);
            let _ = write!(out, "{}", render::ending(w, end, until));
            let _ = write!(out, "{}", text::summary(&v, w));
            if let Some(line) = render::still_possible(w, &v) {
                let _ = write!(out, "{line}");
            }
            if !answered.is_empty() {
                all_answers.push((ci, answered));
            }
            answered_cases.push(entrust::reason::ask::case_to_text(
                &c.case,
                pack,
                &bound.facts,
            ));
        }
    }
    if no_save || all_answers.is_empty() {
        return Outcome::Ok;
    }
    // Save: into the .case file in place, or into --save; a file is only ever replaced whole.
    let target: PathBuf = match (save, format) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(CaseFormat::Case)) => case_path.to_path_buf(),
        (None, _) => {
            eprintln!("{}", w.ask_not_saved());
            return Outcome::Ok;
        }
    };
    // The text the cases were read from (their places point into it), and whether the file
    // started with a byte order mark, which is kept.
    let original = cases
        .first()
        .and_then(|c| lib.sources.get(c.case.span.source))
        .map(|f| f.text.clone())
        .unwrap_or_default();
    let bom = std::fs::read(case_path).is_ok_and(|b| b.starts_with(entrust::source::BOM));
    let mut text = String::new();
    if format == Some(CaseFormat::Case) {
        text.clone_from(&original);
        // Later cases first, so that earlier offsets stay valid.
        for (ci, answered) in all_answers.iter().rev() {
            let (Some(c), Some(pack)) = (
                cases.get(*ci),
                cases
                    .get(*ci)
                    .and_then(|c| c.bound.first())
                    .and_then(|(p, _)| lib.packs.get(*p)),
            ) else {
                continue;
            };
            text = save_into_case_text(&text, &c.case, pack, answered);
        }
        // A file in the canonical layout stays in it.
        if entrust::format::format_case(&original).is_ok_and(|f| f == original)
            && let Ok(f) = entrust::format::format_case(&text)
        {
            text = f;
        }
    } else {
        // From YAML or JSON: the answered cases written in the case language.
        if target.extension().is_none_or(|e| e != "case") {
            eprintln!("{}", w.ask_save_needs_case());
            return Outcome::BadInput;
        }
        text = answered_cases.join("\n");
    }
    if bom && target == case_path {
        text.insert(0, '\u{feff}');
    }
    let written = output::write_atomically(&target, text.as_bytes(), Some(case_path));
    match written {
        Ok(()) => {
            let n: usize = all_answers.iter().map(|(_, a)| a.len()).sum();
            let _ = writeln!(out, "\n{}", w.ask_saved(n, &target.display().to_string()));
            Outcome::Ok
        }
        Err(e) => {
            eprintln!(
                "{}",
                w.ask_cannot_write(&target.display().to_string(), &e.to_string())
            );
            Outcome::BadInput
        }
    }
}
