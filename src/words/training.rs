//! Words of `training`.

use super::{En, Ko};

/// Words of `training`.
pub trait TrainingWords {}

impl TrainingWords for En {}

impl TrainingWords for Ko {}
