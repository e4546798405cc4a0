//! kiji-tokenizer (under construction).
