//! `entrust explain`: the reasoning of a verdict in plain words.

use super::{ExplainFormat as Format, Global, Outcome, output};
use entrust::eval::Evaluator;
use entrust::render::{Memo, json, text};
use entrust::verdict::judge;
use std::io::Write as _;
use std::path::PathBuf;

pub fn run(g: &Global, files: &[PathBuf], format: Format, quote: bool) -> Outcome {
    let (mut lib, mut outcome) = output::packs(g);
    let (cases, o) = output::cases(&mut lib, files, g.as_of);
    outcome = outcome.worst(o);
    let mut ev = Evaluator::new();
    let mut out = output::stdout();
    let mut verdicts = Vec::new();
    let mut first = true;
    for c in &cases {
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
                }
                Format::Json => verdicts.push(v),
            }
        }
    }
    if format == Format::Json {
        let _ = writeln!(out, "{}", json::array(&verdicts));
    }
    outcome
}
