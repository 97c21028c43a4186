//! `entrust facts`: the facts a pack reads, for a person (text) or a script (JSON).

use super::{FactsFormat, Global, Outcome, output};
use entrust::compile::pack::Pack;
use entrust::render::facts;
use std::io::Write as _;

pub fn run(g: &Global, pack: Option<&str>, format: FactsFormat) -> Outcome {
    let (lib, outcome) = output::packs(g);
    if outcome != Outcome::Ok {
        return outcome;
    }
    let w = g.words();
    let packs: Vec<&Pack> = match pack {
        None => lib.packs.iter().collect(),
        Some(id) => match lib.pack(id) {
            Some(p) => vec![p],
            None => {
                eprintln!("{}", w.no_pack_named(id, &lib.ids().join(w.comma())));
                return Outcome::BadInput;
            }
        },
    };
    let text = match format {
        FactsFormat::Text => facts::text(&packs, &lib.packs, w),
        FactsFormat::Json => facts::json(&packs, &lib.packs),
    };
    let _ = write!(output::stdout(), "{text}");
    Outcome::Ok
}
