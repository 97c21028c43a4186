//! Renderers: they only read verdicts and explanations, never evaluate.

pub mod coverage;
pub mod json;
pub mod jsonl;
pub mod text;
