//! `entrust explain`: the reasoning of a verdict in plain words.

use super::{ExplainFormat as Format, Global, Outcome, output};
use entrust::eval::Evaluator;
use entrust::render::{Memo, compare, json, text};
use entrust::verdict::judge;
use std::io::Write as _;
use std::path::PathBuf;

pub fn run(g: &Global, files: &[PathBuf], format: Format, quote: bool) -> Outcome {
    let (mut lib, mut outcome) = output::packs(g);
    if lib.packs.is_empty() {
        return outcome.worst(Outcome::BadInput);
    }
    let (cases, o) = output::cases(&mut lib, files, g.as_of);
    outcome = outcome.worst(o);
    let mut ev = Evaluator::new();
    let mut out = output::stdout();
    let mut verdicts = Vec::new();
    let mut first = true;
    for c in &cases {
        // The case's verdicts, for their comparison when it is judged under several laws.
        let mut case_verdicts: Vec<(entrust::verdict::Verdict, usize)> = Vec::new();
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            let v = judge(pack, &c.case, bound, &mut ev, Some(&lib.sources));
            match format {
                Format::Text => {
                    if !first {
                        let _ = writeln!(out, "\n{}\n", "=".repeat(72));
                    }
                    first = false;
                    let memo = Memo {
                        pack,
                        case: Some(&c.case),
                        words: g.words(),
                        quote,
                    };
                    let _ = write!(out, "{}", text::explanation(&v, &memo));
                    case_verdicts.push((v, *i));
                }
                Format::Json => verdicts.push(v),
            }
        }
        if case_verdicts.len() > 1 {
            let items: Vec<_> = case_verdicts
                .iter()
                .filter_map(|(v, i)| lib.packs.get(*i).map(|p| (v, p)))
                .collect();
            let _ = writeln!(out, "\n{}\n", "=".repeat(72));
            let _ = write!(out, "{}", compare::text(&c.case.id.text, &items, g.words()));
        }
    }
    if format == Format::Json {
        let _ = writeln!(out, "{}", json::array(&verdicts));
    }
    outcome
}
