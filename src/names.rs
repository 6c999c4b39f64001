//! The names of enum values: serde's own names (`rename_all = "snake_case"`),
//! the one spelling used in JSON, in the index, in filters, keys and tables.
//!
//! [`name_of`] reads the name a unit variant serializes as, without
//! allocating, so no enum spells its values a second time (serde's derive
//! reads them back). Flags that take enum values (`clap::ValueEnum`) spell
//! them with clap's own derive; a test holds those spellings to these.

use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt;

/// The serde name of a unit variant (`PaymentRole::Agreed` is `"agreed"`).
///
/// Only for enums whose values are all unit variants, which every caller is
/// (a test covers each); anything else is a bug in ombuds, not in its input.
pub fn name_of<T: Serialize + ?Sized>(value: &T) -> &'static str {
    match value.serialize(VariantName) {
        Ok(name) => name,
        Err(NotAUnitVariant) => panic!(
            "name_of: {} is not a unit variant",
            std::any::type_name::<T>()
        ),
    }
}

/// A serializer that accepts only a unit variant and returns its name.
struct VariantName;

/// What [`VariantName`] says of anything but a unit variant.
#[derive(Debug)]
struct NotAUnitVariant;

impl fmt::Display for NotAUnitVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAUnitVariant {}

impl ser::Error for NotAUnitVariant {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAUnitVariant
    }
}

/// The serializer methods that refuse: `fn name(self, value: type)`.
macro_rules! refuse {
    ($($method:ident($($ty:ty),*)),+ $(,)?) => {$(
        fn $method(self, $(_: $ty),*) -> Result<Self::Ok, Self::Error> {
            Err(NotAUnitVariant)
        }
    )+};
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotAUnitVariant;
    type SerializeSeq = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTuple = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTupleStruct = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTupleVariant = Impossible<&'static str, NotAUnitVariant>;
    type SerializeMap = Impossible<&'static str, NotAUnitVariant>;
    type SerializeStruct = Impossible<&'static str, NotAUnitVariant>;
    type SerializeStructVariant = Impossible<&'static str, NotAUnitVariant>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Self::Error> {
        Ok(variant)
    }

    refuse! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Self::Ok, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Err(NotAUnitVariant)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(NotAUnitVariant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::export::Level;
    use crate::output::Format;
    use crate::parse::{Finding, PaymentRole, Period, Purpose, RemedyKind, SectionKind};
    use crate::query::SortOrder;
    use crate::stats::{Buckets, GroupField, PaymentBasis, Statistic};
    use crate::walk::SkipKind;

    /// Whether `name_of` gives each value's JSON string.
    fn json_names_agree<T: Serialize>(values: &[T]) {
        for v in values {
            let json = serde_json::to_value(v).expect("serialises");
            assert_eq!(json.as_str(), Some(name_of(v)), "{json}");
        }
    }

    /// Whether each flag value is spelled as its serde name.
    fn flag_names_agree<T: clap::ValueEnum + Serialize>() {
        for v in T::value_variants() {
            let flag = v.to_possible_value().expect("no hidden values");
            assert_eq!(flag.get_name(), name_of(v));
        }
        json_names_agree(T::value_variants());
    }

    #[test]
    fn a_name_is_the_serde_name_in_json() {
        use SectionKind::*;
        json_names_agree(&[
            Complaint,
            RoleAndPowers,
            HowConsidered,
            WhatFound,
            Findings,
            AgreedAction,
            FinalDecision,
            NotInvestigated,
            Other,
        ]);
        assert_eq!(name_of(&RoleAndPowers), "role_and_powers");
        json_names_agree(&[
            PaymentRole::Agreed,
            PaymentRole::Accepted,
            PaymentRole::Offered,
            PaymentRole::Claimed,
            PaymentRole::Other,
        ]);
        json_names_agree(&[Period::Week, Period::Month, Period::Year]);
        use Purpose::*;
        json_names_agree(&[
            Distress,
            TimeAndTrouble,
            Frustration,
            LossOfService,
            FinancialLoss,
            Backdated,
            Symbolic,
            Unspecified,
        ]);
        json_names_agree(&[
            Finding::FaultInjustice,
            Finding::FaultNoInjustice,
            Finding::NoFault,
            Finding::NotInvestigated,
        ]);
        json_names_agree(&[
            SkipKind::NotADecision,
            SkipKind::TooLarge,
            SkipKind::ParserError,
        ]);
        // Display, used in messages and tables, is the same name.
        assert_eq!(TimeAndTrouble.to_string(), "time_and_trouble");
    }

    #[test]
    fn flag_values_are_spelled_as_their_serde_names() {
        flag_names_agree::<RemedyKind>();
        flag_names_agree::<GroupField>();
        flag_names_agree::<Statistic>();
        flag_names_agree::<PaymentBasis>();
        flag_names_agree::<Format>();
        flag_names_agree::<Level>();
        flag_names_agree::<SortOrder>();
    }

    #[test]
    #[should_panic(expected = "not a unit variant")]
    fn a_value_with_data_has_no_name() {
        name_of(&Buckets::Width(100.0));
    }
}
