//! entrust: an expert system that tells outsourcing of personal-data processing from provision to
//! a third party, checks lawfulness period by period of law, and explains itself.
//!
//! The pipeline: statute files are parsed ([`syntax`]), checked ([`check`]) and compiled
//! ([`compile`]) into a [`compile::pack::Pack`]; case files are read ([`case`]) and bound to the pack's
//! facts; [`eval`] judges a case into a [`verdict::Verdict`], which [`explain`] turns into a
//! tree of reasons and [`render`] prints.

pub mod batch;
pub mod case;
pub mod check;
pub mod compile;
pub mod country;
pub mod coverage;
pub mod date;
pub mod diagnostic;
pub mod eval;
pub mod explain;
pub mod format;
pub mod lang;
pub mod library;
pub mod reason;
pub mod render;
pub mod source;
pub mod stream;
pub mod summary;
pub mod syntax;
pub mod testing;
pub mod verdict;
pub mod walk;
pub mod words;
