//! `entrust whatif`: the smallest sets of fact changes that would flip the classification, or
//! make the arrangement lawful; `--set fact=value` first evaluates a variation of the case.

use super::{Global, Outcome, output};
use entrust::eval::Evaluator;
use entrust::reason::whatif::{self, Options};
use entrust::render::text;
use entrust::render::whatif as render;
use entrust::verdict::judge;
use entrust::words::WhatifWords;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// The most sets of changes listed per goal.
const SHOWN: usize = 8;

pub fn run(
    g: &Global,
    case: &Path,
    sets: &[String],
    max_changes: usize,
    vary: &[String],
    keep: &[String],
) -> Outcome {
    let w = g.words();
    let ww: &dyn WhatifWords = w;
    let (mut lib, outcome) = output::packs(g);
    if outcome.code() != 0 {
        return outcome;
    }
    let (cases, outcome) = output::cases(&mut lib, &[case.to_path_buf()], g.as_of);
    if outcome.code() != 0 {
        return outcome;
    }
    if cases.is_empty() {
        eprintln!("{}", ww.no_case_in(&case.display().to_string()));
        return Outcome::BadInput;
    }
    let mut ev = Evaluator::new();
    let mut report = String::new();
    let mut first = true;
    for c in &cases {
        // The variation, checked as the case reader checks a case.
        let (vcase, read, bad) = whatif::apply_sets(&c.case, sets, &mut lib.sources);
        let mut errors: Vec<_> = bad.iter().map(render::set_error).collect();
        let mut bound_variations = Vec::new();
        let (_, packs) = entrust::batch::packs_of(&lib, &c.case);
        for (i, _) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            // Each pack reads the facts it declares; the others are the other packs'.
            match entrust::case::bind::bind_among(&vcase, pack, &packs, g.as_of) {
                Ok(b) => bound_variations.push(b),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            output::report(&lib, &errors);
            return Outcome::BadInput;
        }
        for ((i, bound), vbound) in c.bound.iter().zip(&bound_variations) {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            if !first {
                let _ = writeln!(report, "\n{}\n", "=".repeat(72));
            }
            first = false;
            let title = c.case.title.as_ref().map_or("", |t| t.get(g.lang));
            let _ = writeln!(report, "{}: {title}", c.case.id.text);
            let n = entrust::eval::stretches(pack, bound.from, bound.to).len();
            let _ = writeln!(
                report,
                "{}",
                ww.judged(
                    &pack.id,
                    &pack.title,
                    &bound.from.to_string(),
                    &bound.to.to_string(),
                    n
                )
            );
            if !read.is_empty() {
                let filed = judge(pack, &c.case, bound, &mut ev, None);
                let varied = judge(pack, &vcase, vbound, &mut ev, None);
                let _ = writeln!(report, "\n{}", ww.as_filed());
                for line in text::summary(&filed, w).lines() {
                    let _ = writeln!(report, "  {line}");
                }
                let changes: Vec<String> = read
                    .iter()
                    .map(|s| {
                        let was = pack
                            .fact(&s.fact)
                            .map(|f| {
                                pack.show_value(
                                    f,
                                    bound.facts.get(usize::from(f)).copied().unwrap_or_default(),
                                )
                            })
                            .unwrap_or_default();
                        ww.set_to(&s.fact, &s.value, &was)
                    })
                    .collect();
                let _ = writeln!(report, "\n{}", ww.with_changes(&changes.join(w.comma())));
                for line in text::summary(&varied, w).lines() {
                    let _ = writeln!(report, "  {line}");
                }
                let _ = writeln!(report, "\n{}", ww.starts_from_variation());
            }
            let _ = writeln!(report);
            // --vary and --keep name facts of the pack.
            let mut opts = Options {
                max_changes,
                ..Options::default()
            };
            for (names, into) in [(vary, &mut opts.vary), (keep, &mut opts.keep)] {
                for name in names {
                    match pack.fact(name) {
                        Some(f) => into.push(f),
                        None => {
                            let d = entrust::diagnostic::Diagnostic::file_error(
                                entrust::case::Msg::UnknownOptionFact {
                                    name: name.clone(),
                                    pack: pack.id.clone(),
                                },
                                "<command line>",
                            )
                            .suggest(name, pack.facts.iter().map(|f| f.name.as_str()));
                            eprint!("{}", d.render_in(&lib.sources, g.words()));
                            return Outcome::BadInput;
                        }
                    }
                }
            }
            let kept: Vec<&str> = pack
                .facts
                .iter()
                .enumerate()
                .filter(|(i, d)| {
                    let f = u16::try_from(*i).unwrap_or(0);
                    !d.recorded && !opts.may_change(pack, f)
                })
                .map(|(_, d)| d.name.as_str())
                .collect();
            if !kept.is_empty() {
                let _ = writeln!(report, "{}\n", ww.kept(&kept.join(w.comma())));
            }
            let wi = whatif::whatif(pack, vbound, &mut ev, &opts);
            report.push_str(&render::render_text(w, pack, &wi, vbound.from, SHOWN));
        }
    }
    let mut out = output::stdout();
    if let Err(e) = out.write_all(report.as_bytes()) {
        eprintln!("{}", ww.whatif_cannot_write(&e.to_string()));
        return Outcome::BadInput;
    }
    Outcome::Ok
}
