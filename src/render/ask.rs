//! The interview of `entrust ask` in words: each question with what its answer could change,
//! the pack's help, the burden of proof and the answers allowed; why an answer cannot be read;
//! and how the interview ended. The questions and their help are the pack's own texts, already
//! in the pack's language.

use crate::reason::ask::{AnswerError, Ending, Question, Until};
use crate::verdict::Verdict;
use crate::words::Words;
use std::fmt::Write as _;

/// A question as put to the user, up to (not including) the prompt `fact = `: a blank line, the
/// question with what it could change, the help, the burden of proof, the answers allowed.
pub fn question(w: &dyn Words, q: &Question) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{} ({})",
        q.ask,
        w.could_change_note(w.could_change(q.could_change))
    );
    if let Some(h) = &q.help {
        let _ = writeln!(out, "  {}: {h}", w.ask_help_label());
    }
    if let Some(b) = &q.burden {
        let _ = writeln!(
            out,
            "  {}: {}",
            w.burden_label(),
            w.burden(&w.role(&b.party), &b.unproven)
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        w.ask_answer_line(&q.name, &w.ask_allowed(&q.ty))
    );
    out
}

/// Why an answer to a question cannot be read.
pub fn bad_answer(w: &dyn Words, q: &Question, e: &AnswerError) -> String {
    w.ask_bad_answer(&q.name, e)
}

/// The lines after the questions, before the verdict's summary: how the interview ended.
pub fn ending(w: &dyn Words, e: Ending, until: Until) -> String {
    format!("\n{}\n", w.ask_ending(e, until))
}

/// The violations a verdict still finds possible, each code once, as a line; `None` if none.
pub fn still_possible(w: &dyn Words, v: &Verdict) -> Option<String> {
    let mut codes: Vec<&str> = Vec::new();
    for x in &v.possible_violations {
        if !codes.contains(&x.code.as_str()) {
            codes.push(&x.code);
        }
    }
    (!codes.is_empty()).then(|| format!("{}\n", w.ask_still_possible(&codes.join(", "))))
}
