//! Fuzz target `parse_lossy`: any bytes, decoded the way a careless reader
//! would (`from_utf8_lossy`, so broken encodings become U+FFFD), must parse
//! without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ombuds::parse::parse_decision("fuzz.txt", &text);
});
