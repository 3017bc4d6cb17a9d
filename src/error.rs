//! The crate's one error type.

/// Everything that can go wrong. Attributing a `&str` cannot fail; only
/// configuration, I/O and malformed input records can.
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
    /// An input record (a line of JSON Lines) is malformed.
    #[error("line {line}: {message}")]
    MalformedRecord {
        /// The 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
}
