//! Reasoning a lawyer can act on, built on the evaluator: the questions to ask next (`ask`), the
//! smallest changes that would flip an outcome (`whatif`), why two cases differ (`diff`), and
//! grading a trainee's answers (`training`).

pub mod ask;
pub mod diff;
pub mod training;
pub mod whatif;
