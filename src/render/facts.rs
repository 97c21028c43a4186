//! `entrust facts`: every fact a pack reads, with its type and values, its question and its
//! help, as text to read or as JSON for scripts. The questions and help are the pack's own
//! texts, already in the language the pack was compiled in; names, types and values are the
//! case language's.

use super::columns::wrap;
use crate::compile::pack::{FactDef, FactType, Pack};
use crate::words::Words;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// A type's name, as the statute language writes it: `bool`, `number`, `date`, `country`,
/// `enum`, `set`.
pub fn type_name(ty: &FactType) -> &'static str {
    match ty {
        FactType::Bool => "bool",
        FactType::Number => "number",
        FactType::Date => "date",
        FactType::Country => "country",
        FactType::Enum(_) => "enum",
        FactType::Set(_) => "set",
    }
}

/// The values of an `enum` or a `set`; none for the other types.
fn values(ty: &FactType) -> &[String] {
    match ty {
        FactType::Enum(v) | FactType::Set(v) => v,
        _ => &[],
    }
}

/// The ids of the packs of `all` that declare a fact of this name (one name means one fact in
/// every pack), in the order of `all`.
fn read_by<'a>(name: &str, all: &'a [Pack]) -> Vec<&'a str> {
    all.iter()
        .filter(|p| p.fact(name).is_some())
        .map(|p| p.id.as_str())
        .collect()
}

/// The facts of `packs` as text: per pack a heading, then each fact in the order the pack
/// declares them, with its type, the packs of `all` that read it, its question, help, burden
/// of proof, and whether it is given or recorded only.
pub fn text(packs: &[&Pack], all: &[Pack], w: &dyn Words) -> String {
    let mut out = String::new();
    for (k, pack) in packs.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}",
            w.facts_pack_heading(&pack.id, &pack.title, pack.facts.len())
        );
        for f in &pack.facts {
            out.push('\n');
            fact(&mut out, pack, f, all, w);
        }
    }
    out
}

fn fact(out: &mut String, pack: &Pack, f: &FactDef, all: &[Pack], w: &dyn Words) {
    let _ = writeln!(out, "{}: {}", f.name, w.fact_type(&f.ty));
    let _ = writeln!(
        out,
        "  {}: {}",
        w.facts_read_by_label(),
        read_by(&f.name, all).join(w.comma())
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        w.facts_question_label(),
        wrap(&f.ask, 84, "    ")
    );
    if let Some(h) = &f.help {
        let _ = writeln!(out, "  {}: {}", w.ask_help_label(), wrap(h, 84, "    "));
    }
    if let Some((party, v)) = &f.burden {
        let unproven = pack
            .fact(&f.name)
            .map_or_else(String::new, |id| pack.show_value(id, *v));
        let _ = writeln!(
            out,
            "  {}: {}",
            w.burden_label(),
            w.burden(&w.role(party), &unproven)
        );
    }
    if f.given {
        let _ = writeln!(out, "  {}", w.facts_given());
    }
    if f.recorded {
        let _ = writeln!(out, "  {}", w.facts_recorded());
    }
}

/// The facts of `packs` as JSON, for scripts: an array of packs, each
/// `{"pack", "title", "facts": [{"name", "type", "values", "read_by", "question", "help",
/// "given", "recorded", "burden"}]}`; `values` is empty but for `enum` and `set`, `read_by`
/// lists the packs of `all` that declare the fact, `help` and `burden` are `null` when the pack
/// gives none, `burden` is `{"party", "unproven"}`. The keys are the same in every language;
/// `title`, `question` and `help` are in the language of the run.
pub fn json(packs: &[&Pack], all: &[Pack]) -> String {
    let packs: Vec<Value> = packs
        .iter()
        .map(|pack| {
            let facts: Vec<Value> = pack
                .facts
                .iter()
                .map(|f| {
                    let burden = f.burden.as_ref().map(|(party, v)| {
                        let unproven = pack
                            .fact(&f.name)
                            .map_or_else(String::new, |id| pack.show_value(id, *v));
                        json!({"party": party, "unproven": unproven})
                    });
                    json!({
                        "name": f.name,
                        "type": type_name(&f.ty),
                        "values": values(&f.ty),
                        "read_by": read_by(&f.name, all),
                        "question": f.ask,
                        "help": f.help,
                        "given": f.given,
                        "recorded": f.recorded,
                        "burden": burden,
                    })
                })
                .collect();
            json!({"pack": pack.id, "title": pack.title, "facts": facts})
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(packs)).unwrap_or_default();
    s.push('\n');
    s
}
