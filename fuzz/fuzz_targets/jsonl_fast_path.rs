//! Fuzz target: the fast JSON Lines path against the general one, on the raw bytes of a
//! `.jsonl` file; see `entrust_fuzz::jsonl_fast_path`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    entrust_fuzz::jsonl_fast_path(data);
});
