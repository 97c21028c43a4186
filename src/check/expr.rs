//! Resolution and type checking of conditions: names to slots and rules, values to their types.

use super::{Given, LitKind, Msg, Symbol, Symbols};
use crate::compile::pack::{Cond, Country, FactType, MAX_VALUES, Ord2, WeighId};
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::{CmpOp, Expr, ExprKind, Literal, Name, Quantifier, Value};

/// Where a condition stands, which limits what it may refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// A factor of a weighing: facts and tests only.
    Factor,
    /// Anywhere else.
    Rule,
}

pub(super) fn resolve(
    syms: &Symbols,
    expr: &Expr,
    place: Place,
    errors: &mut Vec<Diagnostic>,
) -> Cond {
    match &expr.kind {
        ExprKind::And(xs) => {
            let mut parts = Vec::with_capacity(xs.len());
            for x in xs {
                flatten_and(syms, x, place, errors, &mut parts);
            }
            Cond::And(parts.into_boxed_slice())
        }
        ExprKind::Or(xs) => {
            let mut parts = Vec::with_capacity(xs.len());
            for x in xs {
                flatten_or(syms, x, place, errors, &mut parts);
            }
            Cond::Or(parts.into_boxed_slice())
        }
        ExprKind::Not(a) => Cond::Not(Box::new(resolve(syms, a, place, errors))),
        ExprKind::Ref(name) => reference(syms, name, place, errors),
        ExprKind::Compare(name, op, value) => compare(syms, name, *op, value, place, errors),
        ExprKind::In(name, values) => membership(syms, name, values, errors),
        ExprKind::Contains(name, q, values) => containment(syms, name, *q, values, errors),
    }
}

fn flatten_and(
    syms: &Symbols,
    e: &Expr,
    place: Place,
    errors: &mut Vec<Diagnostic>,
    out: &mut Vec<Cond>,
) {
    match resolve(syms, e, place, errors) {
        Cond::And(parts) => out.extend(parts.into_vec()),
        c => out.push(c),
    }
}

fn flatten_or(
    syms: &Symbols,
    e: &Expr,
    place: Place,
    errors: &mut Vec<Diagnostic>,
    out: &mut Vec<Cond>,
) {
    match resolve(syms, e, place, errors) {
        Cond::Or(parts) => out.extend(parts.into_vec()),
        c => out.push(c),
    }
}

fn unknown_name(syms: &Symbols, name: &Name, errors: &mut Vec<Diagnostic>) -> Cond {
    if name.text.is_empty() {
        // A broken node the parser already reported.
        return Cond::Const(false);
    }
    errors.push(
        Diagnostic::error(
            Msg::UnknownName {
                name: name.text.clone(),
            },
            name.span,
        )
        .suggest(&name.text, syms.names()),
    );
    Cond::Const(false)
}

fn reference(syms: &Symbols, name: &Name, place: Place, errors: &mut Vec<Diagnostic>) -> Cond {
    match syms.lookup(&name.text) {
        Some(Symbol::Fact(id)) => {
            let ty = syms.fact_type(id);
            if *ty == FactType::Bool {
                Cond::Bool(id, true)
            } else {
                errors.push(Diagnostic::error(
                    Msg::NotBool {
                        fact: name.text.clone(),
                        ty: ty.clone(),
                    },
                    name.span,
                ));
                Cond::Const(false)
            }
        }
        Some(Symbol::Test(id)) => Cond::Test(id),
        Some(Symbol::Exc(id)) => {
            if place == Place::Factor {
                errors.push(Diagnostic::error(
                    Msg::FactorReadsException {
                        name: name.text.clone(),
                    },
                    name.span,
                ));
            }
            Cond::Exc(id)
        }
        Some(Symbol::Weigh(_)) => {
            errors.push(Diagnostic::error(
                Msg::WeighingNeedsSide {
                    name: name.text.clone(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
        Some(other) => {
            errors.push(Diagnostic::error(
                Msg::CannotRead {
                    name: name.text.clone(),
                    kind: other.kind(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
        None => unknown_name(syms, name, errors),
    }
}

fn ord(op: CmpOp) -> Ord2 {
    match op {
        CmpOp::Eq => Ord2::Eq,
        CmpOp::Ne => Ord2::Ne,
        CmpOp::Lt => Ord2::Lt,
        CmpOp::Le => Ord2::Le,
        CmpOp::Gt => Ord2::Gt,
        CmpOp::Ge => Ord2::Ge,
    }
}

fn literal_kind(lit: &Literal) -> LitKind {
    match lit {
        Literal::Bool(_) => LitKind::TruthValue,
        Literal::Number(_) => LitKind::Number,
        Literal::Date(_) => LitKind::Date,
        Literal::Country(_) => LitKind::Country,
        Literal::Word(_) => LitKind::Name,
    }
}

fn type_mismatch(name: &Name, ty: &FactType, value: &Value, errors: &mut Vec<Diagnostic>) -> Cond {
    let given = match &value.lit {
        Literal::Word(w) | Literal::Country(w) => Given::Word(w.clone()),
        other => Given::Kind(literal_kind(other)),
    };
    errors.push(Diagnostic::error(
        Msg::ComparedWithWrongType {
            fact: name.text.clone(),
            given,
            ty: ty.clone(),
        },
        value.span,
    ));
    Cond::Const(false)
}

fn negate_if(op: CmpOp, c: Cond) -> Cond {
    if op == CmpOp::Ne {
        Cond::Not(Box::new(c))
    } else {
        c
    }
}

fn only_equality(name: &Name, op: CmpOp, value: &Value, errors: &mut Vec<Diagnostic>) -> bool {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        true
    } else {
        errors.push(Diagnostic::error(
            Msg::OnlyEquality {
                name: name.text.clone(),
                op: op.as_str(),
            },
            value.span,
        ));
        false
    }
}

/// The bit of an enum or set value, reporting values not in the list.
pub(super) fn value_bit(
    name: &Name,
    values: &[String],
    value: &Value,
    errors: &mut Vec<Diagnostic>,
) -> Option<u64> {
    let word = match &value.lit {
        Literal::Word(w) | Literal::Country(w) => w.as_str(),
        _ => {
            errors.push(Diagnostic::error(
                Msg::TakesListedValue {
                    fact: name.text.clone(),
                    kind: literal_kind(&value.lit),
                    values: values.to_vec(),
                },
                value.span,
            ));
            return None;
        }
    };
    match values.iter().position(|v| v == word) {
        Some(i) if i < MAX_VALUES => Some(1u64 << i),
        _ => {
            errors.push(
                Diagnostic::error(
                    Msg::NotAValue {
                        value: word.to_string(),
                        fact: name.text.clone(),
                        values: values.to_vec(),
                    },
                    value.span,
                )
                .suggest(word, values.iter().map(String::as_str)),
            );
            None
        }
    }
}

fn compare(
    syms: &Symbols,
    name: &Name,
    op: CmpOp,
    value: &Value,
    place: Place,
    errors: &mut Vec<Diagnostic>,
) -> Cond {
    match syms.lookup(&name.text) {
        Some(Symbol::Weigh(w)) => {
            if place == Place::Factor {
                errors.push(Diagnostic::error(
                    Msg::FactorReadsWeighing {
                        name: name.text.clone(),
                    },
                    name.span,
                ));
                return Cond::Const(false);
            }
            if !only_equality(name, op, value, errors) {
                return Cond::Const(false);
            }
            match side_of(syms, w, name, value, errors) {
                Some(c) => negate_if(op, c),
                None => Cond::Const(false),
            }
        }
        Some(Symbol::Fact(id)) => {
            let ty = syms.fact_type(id);
            match (ty, &value.lit) {
                (FactType::Bool, Literal::Bool(b)) => {
                    if only_equality(name, op, value, errors) {
                        Cond::Bool(id, if op == CmpOp::Eq { *b } else { !*b })
                    } else {
                        Cond::Const(false)
                    }
                }
                (FactType::Enum(values), _) => {
                    if !only_equality(name, op, value, errors) {
                        return Cond::Const(false);
                    }
                    match value_bit(name, values, value, errors) {
                        Some(bit) => negate_if(op, Cond::EnumIn(id, bit)),
                        None => Cond::Const(false),
                    }
                }
                (FactType::Set(_), _) => {
                    errors.push(Diagnostic::error(
                        Msg::SetCompared {
                            fact: name.text.clone(),
                            op: op.as_str(),
                            value: value_text(value),
                        },
                        value.span,
                    ));
                    Cond::Const(false)
                }
                (FactType::Country, Literal::Country(c)) => {
                    if !only_equality(name, op, value, errors) {
                        return Cond::Const(false);
                    }
                    match Country::parse(c) {
                        Some(code) => {
                            negate_if(op, Cond::CountryIn(id, vec![code].into_boxed_slice()))
                        }
                        None => type_mismatch(name, ty, value, errors),
                    }
                }
                (FactType::Number, Literal::Number(n)) => Cond::Num(id, ord(op), *n),
                (FactType::Date, Literal::Date(d)) => Cond::Date(id, ord(op), *d),
                _ => type_mismatch(name, ty, value, errors),
            }
        }
        Some(Symbol::Test(_)) => {
            errors.push(Diagnostic::error(
                Msg::TestCompared {
                    name: name.text.clone(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
        Some(other) => {
            errors.push(Diagnostic::error(
                Msg::CannotRead {
                    name: name.text.clone(),
                    kind: other.kind(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
        None => unknown_name(syms, name, errors),
    }
}

/// `Cond::Side` for a value naming a side of weighing `w`: by the side's name, or by the axis
/// value it stands on.
fn side_of(
    syms: &Symbols,
    w: WeighId,
    name: &Name,
    value: &Value,
    errors: &mut Vec<Diagnostic>,
) -> Option<Cond> {
    let sides = syms.sides(w);
    let word = match &value.lit {
        Literal::Word(s) => s.as_str(),
        _ => "",
    };
    let at = sides
        .iter()
        .position(|(s, _)| s == word)
        .or_else(|| sides.iter().position(|(_, a)| a == word));
    match at {
        Some(i) => Some(Cond::Side(w, u8::try_from(i).unwrap_or(0))),
        None => {
            let names: Vec<String> = sides.iter().map(|(s, _)| s.clone()).collect();
            errors.push(
                Diagnostic::error(
                    Msg::NotASide {
                        value: value_text(value),
                        weighing: name.text.clone(),
                        sides: names.clone(),
                    },
                    value.span,
                )
                .suggest(word, names.iter().map(String::as_str)),
            );
            None
        }
    }
}

fn value_text(value: &Value) -> String {
    match &value.lit {
        Literal::Word(w) | Literal::Country(w) => w.clone(),
        Literal::Bool(b) => b.to_string(),
        Literal::Number(n) => n.to_string(),
        Literal::Date(d) => d.to_string(),
    }
}

fn membership(syms: &Symbols, name: &Name, values: &[Value], errors: &mut Vec<Diagnostic>) -> Cond {
    // `classification in {provision, joint_control}`: one of the sides.
    if let Some(Symbol::Weigh(w)) = syms.lookup(&name.text) {
        let sides: Vec<Cond> = values
            .iter()
            .filter_map(|v| side_of(syms, w, name, v, errors))
            .collect();
        return Cond::Or(sides.into_boxed_slice());
    }
    let Some(Symbol::Fact(id)) = syms.lookup(&name.text) else {
        if syms.lookup(&name.text).is_none() {
            return unknown_name(syms, name, errors);
        }
        errors.push(Diagnostic::error(
            Msg::InNotAFact {
                name: name.text.clone(),
            },
            name.span,
        ));
        return Cond::Const(false);
    };
    match syms.fact_type(id) {
        FactType::Enum(list) => {
            let mut mask = 0;
            for v in values {
                mask |= value_bit(name, list, v, errors).unwrap_or(0);
            }
            Cond::EnumIn(id, mask)
        }
        FactType::Country => {
            let mut codes = Vec::new();
            for v in values {
                match &v.lit {
                    Literal::Country(c) => codes.extend(Country::parse(c)),
                    _ => {
                        type_mismatch(name, &FactType::Country, v, errors);
                    }
                }
            }
            Cond::CountryIn(id, codes.into_boxed_slice())
        }
        FactType::Set(_) => {
            errors.push(Diagnostic::error(
                Msg::InOnSet {
                    fact: name.text.clone(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
        ty => {
            errors.push(Diagnostic::error(
                Msg::InWrongType {
                    fact: name.text.clone(),
                    ty: ty.clone(),
                },
                name.span,
            ));
            Cond::Const(false)
        }
    }
}

fn containment(
    syms: &Symbols,
    name: &Name,
    q: Quantifier,
    values: &[Value],
    errors: &mut Vec<Diagnostic>,
) -> Cond {
    let Some(Symbol::Fact(id)) = syms.lookup(&name.text) else {
        if syms.lookup(&name.text).is_none() {
            return unknown_name(syms, name, errors);
        }
        errors.push(Diagnostic::error(
            Msg::ContainsNotAFact {
                name: name.text.clone(),
            },
            name.span,
        ));
        return Cond::Const(false);
    };
    match syms.fact_type(id) {
        FactType::Set(list) => {
            let mut mask = 0;
            for v in values {
                mask |= value_bit(name, list, v, errors).unwrap_or(0);
            }
            Cond::SetHas(id, mask, q == Quantifier::All)
        }
        ty => {
            let fact = name.text.clone();
            let ty = ty.clone();
            let msg = if matches!(ty, FactType::Enum(_) | FactType::Country) {
                Msg::ContainsOnOneValue { fact, ty }
            } else {
                Msg::ContainsWrongType { fact, ty }
            };
            errors.push(Diagnostic::error(msg, name.span));
            Cond::Const(false)
        }
    }
}
