//! Words of `check`.

use super::{En, Ko};

/// Words of `check`.
pub trait CheckWords {}

impl CheckWords for En {}

impl CheckWords for Ko {}
