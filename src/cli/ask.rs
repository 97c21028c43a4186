//! `entrust ask`: an interview that asks only what can still change the outcome, most decisive
//! first, and saves the answers.

use super::{Global, Outcome, output};
use entrust::batch::{collect_inputs, load_cases};
use entrust::case::Format as CaseFormat;
use entrust::compile::pack::{FactId, Val};
use entrust::eval::Evaluator;
use entrust::reason::ask::{Until, next_question, parse_answer, save_into_case_text};
use entrust::render::text;
use entrust::summary::CouldChange;
use entrust::verdict::judge;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// Answers read from a file: `fact = value` per line (case language) or `fact: value` (YAML).
fn read_answers(path: &Path) -> Result<HashMap<String, String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() || line == "---" {
            continue;
        }
        let Some((k, v)) = line.split_once('=').or_else(|| line.split_once(':')) else {
            return Err(format!(
                "{}:{}: expected `fact = value`, found `{line}`",
                path.display(),
                i + 1
            ));
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
    let scripted = match answers_path.map(read_answers) {
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => {
            eprintln!("error: {e}");
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
                let _ = writeln!(
                    out,
                    "\n{} (could change the {})",
                    q.ask,
                    q.could_change.as_str()
                );
                if let Some(h) = &q.help {
                    let _ = writeln!(out, "  help: {h}");
                }
                if let Some(b) = &q.burden {
                    let _ = writeln!(out, "  burden: {b}");
                }
                let _ = writeln!(out, "  answer {} ({}), or unknown", q.name, q.allowed);
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
                        Err(d) => {
                            let msg = d.message_in(g.words());
                            let help = d
                                .help_in(g.words())
                                .map(|h| format!(" ({h})"))
                                .unwrap_or_default();
                            let _ = writeln!(out, "  {msg}{help}");
                            if scripted.is_some() {
                                // A scripted answer that does not fit is an input error.
                                eprintln!("error: {}: {msg}{help}", q.name);
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
            let what = match until {
                Until::Settled => "the outcome or the violations found",
                Until::Outcome => "the outcome",
            };
            if asked.is_empty() {
                let _ = writeln!(
                    out,
                    "\nNo question to ask: no unknown fact can change {what}. Verdict:"
                );
            } else if v
                .unknowns
                .iter()
                .any(|u| until == Until::Settled || u.could_change != CouldChange::Violations)
            {
                let _ = writeln!(
                    out,
                    "\nThe questions left unanswered can still change {what}. Verdict:"
                );
            } else {
                let _ = writeln!(out, "\nNothing more can change {what}. Verdict:");
            }
            let _ = write!(out, "{}", text::summary(&v, g.words()));
            if !v.possible_violations.is_empty() {
                let mut codes: Vec<&str> = Vec::new();
                for x in &v.possible_violations {
                    if !codes.contains(&x.code.as_str()) {
                        codes.push(&x.code);
                    }
                }
                let _ = writeln!(
                    out,
                    "With the questions left unanswered, these violations remain possible: {}",
                    codes.join(", ")
                );
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
            eprintln!(
                "note: answers not saved; give --save FILE.case to save a YAML or JSON case with its answers"
            );
            return Outcome::Ok;
        }
    };
    let original = std::fs::read_to_string(case_path).unwrap_or_default();
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
            eprintln!("error: answers are saved as a .case file; name the --save file `….case`");
            return Outcome::BadInput;
        }
        text = answered_cases.join("\n");
    }
    let written = output::write_atomically(&target, text.as_bytes(), Some(case_path));
    match written {
        Ok(()) => {
            let n: usize = all_answers.iter().map(|(_, a)| a.len()).sum();
            let _ = writeln!(out, "\nSaved {n} answer(s) to {}", target.display());
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("error: cannot write `{}`: {e}", target.display());
            Outcome::BadInput
        }
    }
}
