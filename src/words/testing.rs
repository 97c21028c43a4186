//! Words of `testing`.

use super::{En, Ko};

/// Words of `testing`.
pub trait TestWords {}

impl TestWords for En {}

impl TestWords for Ko {}
