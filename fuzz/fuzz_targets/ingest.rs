#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kiji_fuzz::ingest(data));
