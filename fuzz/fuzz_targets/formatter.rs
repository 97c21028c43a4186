//! Fuzz target: see `entrust_fuzz::formatter` for the property. Input bytes are read as the command
//! line reads a file's text (invalid UTF-8 replaced).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entrust_fuzz::formatter(&String::from_utf8_lossy(data));
});
