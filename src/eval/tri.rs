//! Kleene's three-valued logic.

use std::fmt;

/// True, false or unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Tri {
    /// Definitely false.
    False,
    /// Could be either.
    #[default]
    Unknown,
    /// Definitely true.
    True,
}

impl Tri {
    /// From a known truth value.
    pub fn known(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }

    /// Kleene conjunction: false wins, then unknown.
    pub fn and(self, other: Tri) -> Tri {
        self.min(other)
    }

    /// Kleene disjunction: true wins, then unknown.
    pub fn or(self, other: Tri) -> Tri {
        self.max(other)
    }

    /// `Some(b)` when known.
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Tri::True => Some(true),
            Tri::False => Some(false),
            Tri::Unknown => None,
        }
    }

    /// Combines outcomes that must all agree: true if all true, false if all false, else unknown.
    pub fn agree(self, other: Tri) -> Tri {
        if self == other { self } else { Tri::Unknown }
    }
}

impl std::ops::Not for Tri {
    type Output = Tri;

    /// Negation; unknown stays unknown.
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl fmt::Display for Tri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tri::True => "true",
            Tri::False => "false",
            Tri::Unknown => "unknown",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, False as F, True as T, Unknown as U};

    #[test]
    fn kleene_tables() {
        let and = |a: Tri, b: Tri| a.and(b);
        let or = |a: Tri, b: Tri| a.or(b);
        assert_eq!(and(F, U), F);
        assert_eq!(and(T, U), U);
        assert_eq!(and(T, T), T);
        assert_eq!(or(T, U), T);
        assert_eq!(or(F, U), U);
        assert_eq!(or(F, F), F);
        assert_eq!(!U, U);
        assert_eq!(T.agree(T), T);
        assert_eq!(F.agree(T), U);
    }
}
