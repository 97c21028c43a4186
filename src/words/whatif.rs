//! Words of `whatif`.

use super::{En, Ko};

/// Words of `whatif`.
pub trait WhatifWords {}

impl WhatifWords for En {}

impl WhatifWords for Ko {}
