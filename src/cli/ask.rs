//! `entrust ask`: an interview that asks only what can still change the outcome, most decisive
//! first, and saves the answers.

use super::{Global, Outcome, output};
use entrust::batch::{LoadedCase, collect_inputs, load_cases};
use entrust::case::Format as CaseFormat;
use entrust::compile::pack::Pack;
use entrust::compile::pack::{FactId, Val};
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::ask::{
    Until, add_under, answered_id, case_to_text, check_answers, ending, next_question,
    parse_answer, read_answers as scripted_answers, rename_case, save_into_case_text,
};
use entrust::render::{ask as render, text};
use entrust::verdict::judge;
use entrust::words::Words;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// The answers of an answers file, each a located error if its line is not `fact = value`, its
/// fact is answered twice, is not a fact of the packs the case is judged under, or its value
/// does not fit (all reported, in the language of `lib`). `None` when the file has an error.
/// The file is decoded as every input is (a leading byte order mark dropped; bytes that are
/// not UTF-8 an error at their place).
fn read_answers(
    lib: &mut Library,
    path: &Path,
    packs: &[usize],
    w: &dyn Words,
) -> Option<HashMap<String, String>> {
    let bytes = match entrust::source::read_whole(path) {
        Ok(b) => b,
        Err(e) => {
            let why = entrust::batch::Msg::reason(&e, w);
            eprintln!(
                "{}",
                w.ask_cannot_read_answers(&path.display().to_string(), &why)
            );
            return None;
        }
    };
    let (id, not_utf8) = lib.sources.add_bytes(path.display().to_string(), bytes, 1);
    if let Some(bad) = not_utf8.first() {
        let d = lib.sources.not_utf8(id, *bad);
        output::report(lib, &[d]);
        return None;
    }
    let (answers, mut errors) = scripted_answers(&lib.sources, id);
    let packs: Vec<&Pack> = packs.iter().filter_map(|i| lib.packs.get(*i)).collect();
    errors.extend(check_answers(&answers, &packs));
    if !errors.is_empty() {
        output::report(lib, &errors);
        return None;
    }
    Some(answers.into_iter().map(|a| (a.fact, a.value)).collect())
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
    let (inputs, errs) = collect_inputs(&[case_path.to_path_buf()]);
    let (cases, errs2) = load_cases(&mut lib, &inputs, g.as_of);
    let errors: Vec<_> = errs.into_iter().chain(errs2).collect();
    output::report(&lib, &errors);
    if !errors.is_empty() || cases.is_empty() {
        return Outcome::BadInput;
    }
    let scripted = match answers_path {
        Some(p) => {
            let mut packs: Vec<usize> = cases
                .iter()
                .flat_map(|c| c.bound.iter().map(|(i, _)| *i))
                .collect();
            packs.sort_unstable();
            packs.dedup();
            match read_answers(&mut lib, p, &packs, w) {
                Some(a) => Some(a),
                None => return Outcome::BadInput,
            }
        }
        None => None,
    };
    let format = inputs.first().map(|i| i.format);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = output::stdout();
    let mut ev = Evaluator::new();
    let mut all_answers: Vec<(usize, Vec<(FactId, Val)>)> = Vec::new();
    let mut answered_cases: Vec<(usize, &Pack, Vec<Val>)> = Vec::new();
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
            answered_cases.push((ci, pack, bound.facts));
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
    // A new file gets new case ids (`<id>-answered`), so that it can be judged in one run with
    // the case it was made from; a case saved in place keeps its id.
    let same = |a: &Path, b: &Path| {
        std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
    };
    let renamed = save.is_some_and(|p| !same(p, case_path));
    let new_id = |c: &LoadedCase| {
        if renamed {
            answered_id(&c.case.id.text)
        } else {
            c.case.id.text.clone()
        }
    };
    // The text the cases were read from (their places point into it), and whether the file
    // started with a byte order mark, which is kept.
    let original = cases
        .first()
        .and_then(|c| lib.sources.get(c.case.span.source))
        .map(|f| f.text.clone())
        .unwrap_or_default();
    // The first bytes tell: the file is not read whole again.
    let bom = std::fs::File::open(case_path).is_ok_and(|f| {
        let mut head = Vec::new();
        io::Read::read_to_end(&mut io::Read::take(f, 3), &mut head).is_ok()
            && head.starts_with(entrust::source::BOM)
    });
    // Answers to facts the case's own packs do not read (asked under `--under`) are saved with
    // the packs that read them added to its `under`, so that the case stays readable as saved.
    let added_under = |c: &LoadedCase, ci: usize| -> Vec<String> {
        let Some((_, answered)) = all_answers.iter().find(|(i, _)| *i == ci) else {
            return Vec::new();
        };
        let Some(pack) = c.bound.first().and_then(|(p, _)| lib.packs.get(*p)) else {
            return Vec::new();
        };
        let own: Vec<&entrust::compile::pack::Pack> = c
            .case
            .under
            .iter()
            .filter_map(|u| lib.pack(&u.text))
            .collect();
        let unread = answered.iter().any(|(f, _)| {
            pack.facts
                .get(usize::from(*f))
                .is_some_and(|d| own.iter().all(|p| p.fact(&d.name).is_none()))
        });
        if unread && own.iter().all(|p| p.id != pack.id) {
            vec![pack.id.clone()]
        } else {
            Vec::new()
        }
    };
    let mut added: Vec<String> = Vec::new();
    let mut text = String::new();
    if format == Some(CaseFormat::Case) {
        text.clone_from(&original);
        // Later cases first, so that earlier offsets stay valid; in a case, its facts (after
        // its id) before its id.
        for (ci, c) in cases.iter().enumerate().rev() {
            let answered = all_answers.iter().find(|(i, _)| *i == ci);
            let pack = c.bound.first().and_then(|(p, _)| lib.packs.get(*p));
            if let (Some((_, answered)), Some(pack)) = (answered, pack) {
                text = save_into_case_text(&text, &c.case, pack, answered);
            }
            let more = added_under(c, ci);
            if !more.is_empty() {
                let packs: Vec<&str> = more.iter().map(String::as_str).collect();
                text = add_under(&text, &c.case, &packs);
                added.extend(more);
            }
            if renamed {
                text = rename_case(&text, &c.case, &new_id(c));
            }
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
        let written: Vec<String> = answered_cases
            .iter()
            .filter_map(|(ci, pack, facts)| {
                let c = cases.get(*ci)?;
                let mut case = c.case.clone();
                case.id.text = new_id(c);
                for p in added_under(c, *ci) {
                    case.under.push(entrust::syntax::ast::Name {
                        text: p.clone(),
                        span: c.case.id.span,
                    });
                    added.push(p);
                }
                Some(case_to_text(&case, pack, facts))
            })
            .collect();
        text = written.join("\n");
    }
    if bom && target == case_path {
        text.insert(0, '\u{feff}');
    }
    let written = output::write_atomically(&target, text.as_bytes(), Some(case_path));
    match written {
        Ok(()) => {
            let n: usize = all_answers.iter().map(|(_, a)| a.len()).sum();
            let target = target.display().to_string();
            let saved = if renamed {
                let ids: Vec<String> = cases.iter().map(new_id).collect();
                w.ask_saved_as(n, &target, &ids.join(w.comma()))
            } else {
                w.ask_saved(n, &target)
            };
            let _ = writeln!(out, "\n{saved}");
            added.sort();
            added.dedup();
            if !added.is_empty() {
                let _ = writeln!(out, "{}", w.ask_under_added(&added.join(w.comma())));
            }
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
