//! The crate's one error type.

/// Everything that can go wrong. Attributing a `&str` fails only when it
/// is too long; otherwise only configuration, I/O and malformed input
/// records can.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A configuration value is out of range or inconsistent.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// Reading or writing failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being read or written (usually a file name).
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A text is longer than a document can be
    /// ([`crate::tokenizer::MAX_TEXT_LEN`], 4 GiB).
    #[error(
        "text of {len} bytes is longer than the {} bytes (4 GiB) a document can take; \
         split it into its documents",
        crate::tokenizer::MAX_TEXT_LEN
    )]
    TooLong {
        /// The text's length in bytes.
        len: usize,
    },
    /// An input record (a line of JSON Lines) is malformed.
    #[error("line {line}: {message}")]
    MalformedRecord {
        /// The 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
}
