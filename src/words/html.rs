//! Words of `html`.

use super::{En, Ko};

/// Words of `html`.
pub trait HtmlWords {}

impl HtmlWords for En {}

impl HtmlWords for Ko {}
