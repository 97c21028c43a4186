//! The JSON Schema of the verdict object (`entrust schema`), kept in docs/verdict.schema.json.

/// The schema, as JSON text.
pub const VERDICT_SCHEMA: &str = include_str!("../../docs/verdict.schema.json");
