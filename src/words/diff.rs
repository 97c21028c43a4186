//! Words of `diff`.

use super::{En, Ko};

/// Words of `diff`.
pub trait DiffWords {}

impl DiffWords for En {}

impl DiffWords for Ko {}
