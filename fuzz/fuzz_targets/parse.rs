//! Fuzz target `parse`: any valid UTF-8 text must parse (or be rejected as
//! not a decision) without panicking. Other bytes are skipped, so the fuzzer
//! spends its time on text the parser can actually be given.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ombuds::parse::parse_decision("fuzz.txt", text);
    }
});
