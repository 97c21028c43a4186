//! Words of `ask`.

use super::{En, Ko};

/// Words of `ask`.
pub trait AskWords {}

impl AskWords for En {}

impl AskWords for Ko {}
