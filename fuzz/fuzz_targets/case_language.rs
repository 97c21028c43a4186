//! Fuzz target: see `entrust_fuzz::case_language` for the property. Input bytes are read as the command
//! line reads a file's text (invalid UTF-8 replaced).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entrust_fuzz::case_language(&String::from_utf8_lossy(data));
});
