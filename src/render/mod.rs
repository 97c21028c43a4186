//! Renderers: they only read verdicts and explanations, never evaluate.

pub mod coverage;
pub mod csv;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod jsonl_explain;
pub mod markdown;
pub mod schema;
pub mod text;
