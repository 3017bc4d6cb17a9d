//! The `whosaid` Python module: the whosaid crate's pipeline over Python
//! strings, with offsets in code points (Python `str` indices).
//!
//! Results are built from the crate's owned records
//! ([`whosaid::DocumentRecord`]), so a Python result holds the same fields
//! as a line of `attribute --jsonl`. `attribute_many` attributes batches of
//! texts on a rayon pool with the GIL released, one batch ahead of the one
//! being turned into Python objects.

use std::collections::VecDeque;
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple};
use whosaid::{
    Attributor, DocumentRecord, EntityRecord, MentionRecord, NestedRecord, OffsetUnit, QuoteRecord,
    SingleQuotes, SpanSelection,
};

/// The `single_quotes` option: "always" makes single marks delimit
/// top-level quotations, "never" keeps them for nested ones, "auto" is the
/// crate's default.
fn single_quotes(value: &str) -> PyResult<SingleQuotes> {
    match value {
        "auto" => Ok(SingleQuotes::default()),
        "always" => Ok(SingleQuotes::TopLevel),
        "never" => Ok(SingleQuotes::NestedOnly),
        other => Err(PyValueError::new_err(format!(
            "single_quotes must be \"auto\", \"always\" or \"never\", not {other:?}"
        ))),
    }
}

fn span_selection(all_spans: bool) -> SpanSelection {
    if all_spans {
        SpanSelection::All
    } else {
        SpanSelection::Speech
    }
}

fn attributor(single: SingleQuotes) -> PyResult<Attributor> {
    Attributor::builder()
        .single_quotes(single)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The name of `obj`'s type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// The text of a Python `str`, copied: the copy is what worker threads
/// read while the GIL is released.
fn text_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be a str, not {}",
            type_name(obj)
        ))),
    }
}

/// Attributes one text into its record, offsets in code points.
fn record(
    attributor: &Attributor,
    text: &str,
    spans: SpanSelection,
) -> Result<DocumentRecord, String> {
    attributor
        .try_attribute(text)
        .map(|r| r.to_document(OffsetUnit::Chars, spans))
        .map_err(|e| e.to_string())
}

/// A quotation inside another one.
#[pyclass(module = "whosaid", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Nested {
    inner: NestedRecord,
}

#[pymethods]
impl Nested {
    /// Start of the nested quotation, marks included (a `str` index).
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    /// End of the nested quotation, marks included.
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    /// The nested quotation, marks included.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The fields as a dict: start, end, text.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        span_dict(py, self.inner.start, self.inner.end, &self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "Nested(start={}, end={}, text={})",
            self.inner.start,
            self.inner.end,
            py_str(&self.inner.text)
        )
    }
}

fn span_dict<'py>(
    py: Python<'py>,
    start: usize,
    end: usize,
    text: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("start", start)?;
    d.set_item("end", end)?;
    d.set_item("text", text)?;
    Ok(d)
}

/// A string as Python's `repr` writes it, near enough for `__repr__`.
fn py_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn py_opt_str(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), py_str)
}

/// A quotation with its speaker: the fields of a quote of the JSON output.
#[pyclass(module = "whosaid", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Quote {
    inner: QuoteRecord,
}

#[pymethods]
impl Quote {
    /// Start of the quotation, marks included: `text[q.start:q.end]` is the
    /// quotation.
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    /// End of the quotation, marks included.
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    /// The quotation, marks included.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// "reported_speech", "scare_quote", "title", "nickname" or "turn" (a transcript turn, with no marks).
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// The speaker as written ("he", "the prime minister", "his spokesman"), or None.
    #[getter]
    fn speaker(&self) -> Option<&str> {
        self.inner.speaker.as_deref()
    }

    /// Start of the speaker, or None.
    #[getter]
    fn speaker_start(&self) -> Option<usize> {
        self.inner.speaker_start
    }

    /// End of the speaker, or None.
    #[getter]
    fn speaker_end(&self) -> Option<usize> {
        self.inner.speaker_end
    }

    /// The canonical name of the speaker's entity, or None.
    #[getter]
    fn entity(&self) -> Option<&str> {
        self.inner.entity.as_deref()
    }

    /// The speaker's entity: its index in `Attribution.entities`, or None.
    #[getter]
    fn entity_id(&self) -> Option<usize> {
        self.inner.entity_id
    }

    /// The cue words ("said", "according to"), or None.
    #[getter]
    fn cue(&self) -> Option<&str> {
        self.inner.cue.as_deref()
    }

    /// The rule that found the speaker ("cue_after", "quoted_as"), or None.
    #[getter]
    fn rule(&self) -> Option<&'static str> {
        self.inner.rule.map(|r| r.as_str())
    }

    /// How sure the rule is, between 0 and 1 (two decimals), or None.
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.inner.confidence
    }

    /// Whether the closing mark is missing (the quotation then ends with its
    /// paragraph).
    #[getter]
    fn unclosed(&self) -> bool {
        self.inner.unclosed
    }

    /// The quotations inside this one.
    #[getter]
    fn nested(&self) -> Vec<Nested> {
        self.inner
            .nested
            .iter()
            .map(|n| Nested { inner: n.clone() })
            .collect()
    }

    /// The fields as a dict, keys and values as in the JSON output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let q = &self.inner;
        let d = PyDict::new(py);
        d.set_item("start", q.start)?;
        d.set_item("end", q.end)?;
        d.set_item("text", &q.text)?;
        d.set_item("kind", q.kind.as_str())?;
        d.set_item("speaker", q.speaker.as_deref())?;
        d.set_item("speaker_start", q.speaker_start)?;
        d.set_item("speaker_end", q.speaker_end)?;
        d.set_item("entity", q.entity.as_deref())?;
        d.set_item("entity_id", q.entity_id)?;
        d.set_item("cue", q.cue.as_deref())?;
        d.set_item("rule", q.rule.map(|r| r.as_str()))?;
        d.set_item("confidence", q.confidence)?;
        d.set_item("unclosed", q.unclosed)?;
        let nested = PyList::empty(py);
        for n in &q.nested {
            nested.append(span_dict(py, n.start, n.end, &n.text)?)?;
        }
        d.set_item("nested", nested)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let q = &self.inner;
        let mut s = format!(
            "Quote(start={}, end={}, text={}, kind={}, speaker={}, entity={}",
            q.start,
            q.end,
            py_str(&q.text),
            py_str(q.kind.as_str()),
            py_opt_str(q.speaker.as_deref()),
            py_opt_str(q.entity.as_deref()),
        );
        if let Some(rule) = q.rule {
            s.push_str(&format!(
                ", cue={}, rule={}, confidence={}",
                py_opt_str(q.cue.as_deref()),
                py_str(rule.as_str()),
                q.confidence
                    .map_or("None".to_string(), |c| format!("{c:.2}"))
            ));
        }
        s.push(')');
        s
    }
}

/// A mention of an entity.
#[pyclass(module = "whosaid", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Mention {
    inner: MentionRecord,
}

#[pymethods]
impl Mention {
    /// Start of the mention.
    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    /// End of the mention.
    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    /// The mention's text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The fields as a dict: start, end, text.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        span_dict(py, self.inner.start, self.inner.end, &self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "Mention(start={}, end={}, text={})",
            self.inner.start,
            self.inner.end,
            py_str(&self.inner.text)
        )
    }
}

/// An entity of the document: what its mentions refer to.
#[pyclass(module = "whosaid", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Entity {
    inner: EntityRecord,
}

#[pymethods]
impl Entity {
    /// Its index in `Attribution.entities`, the `entity_id` of its quotes.
    #[getter]
    fn id(&self) -> usize {
        self.inner.id
    }

    /// The canonical name, or None for an entity only ever described.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.inner.name.as_deref()
    }

    /// "person", "organisation" or "other".
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// "female" or "male" when the text tells it, else None.
    #[getter]
    fn gender(&self) -> Option<&'static str> {
        self.inner.gender.map(|g| g.as_str())
    }

    /// Its mentions, in text order.
    #[getter]
    fn mentions(&self) -> Vec<Mention> {
        self.inner
            .mentions
            .iter()
            .map(|m| Mention { inner: m.clone() })
            .collect()
    }

    /// The indices, in `Attribution.quotes`, of the quotations attributed to
    /// it.
    #[getter]
    fn quotes(&self) -> Vec<usize> {
        self.inner.quotes.clone()
    }

    /// The fields as a dict, keys and values as in the JSON output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let e = &self.inner;
        let d = PyDict::new(py);
        d.set_item("id", e.id)?;
        d.set_item("name", e.name.as_deref())?;
        d.set_item("kind", e.kind.as_str())?;
        d.set_item("gender", e.gender.map(|g| g.as_str()))?;
        let mentions = PyList::empty(py);
        for m in &e.mentions {
            mentions.append(span_dict(py, m.start, m.end, &m.text)?)?;
        }
        d.set_item("mentions", mentions)?;
        d.set_item("quotes", &e.quotes)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let e = &self.inner;
        format!(
            "Entity(id={}, name={}, kind={}, gender={}, mentions={}, quotes={:?})",
            e.id,
            py_opt_str(e.name.as_deref()),
            py_str(e.kind.as_str()),
            py_opt_str(e.gender.map(|g| g.as_str())),
            e.mentions.len(),
            e.quotes
        )
    }
}

/// The quotations of one text and its entity table.
#[pyclass(module = "whosaid", frozen)]
struct Attribution {
    id: Py<PyAny>,
    quotes: Vec<Py<Quote>>,
    entities: Vec<Py<Entity>>,
}

impl Attribution {
    fn new(py: Python<'_>, id: Py<PyAny>, doc: DocumentRecord) -> PyResult<Attribution> {
        let quotes = doc
            .quotes
            .into_iter()
            .map(|inner| Py::new(py, Quote { inner }))
            .collect::<PyResult<_>>()?;
        let entities = doc
            .entities
            .into_iter()
            .map(|inner| Py::new(py, Entity { inner }))
            .collect::<PyResult<_>>()?;
        Ok(Attribution {
            id,
            quotes,
            entities,
        })
    }
}

#[pymethods]
impl Attribution {
    /// The id given with the text to `attribute_many`, else None.
    #[getter]
    fn id(&self, py: Python<'_>) -> Py<PyAny> {
        self.id.clone_ref(py)
    }

    /// The quotations, in text order (reported speech only, unless
    /// `all_spans=True`).
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.quotes.iter().map(|q| q.clone_ref(py)))
    }

    /// Every entity of the text, in order of first mention; `entities[i].id
    /// == i`.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.entities.iter().map(|e| e.clone_ref(py)))
    }

    /// The record as a dict: {"id", "quotes", "entities"}, as a line of
    /// `attribute --jsonl` reads once parsed.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", self.id.bind(py))?;
        let quotes = PyList::empty(py);
        for q in &self.quotes {
            quotes.append(q.get().to_dict(py)?)?;
        }
        d.set_item("quotes", quotes)?;
        let entities = PyList::empty(py);
        for e in &self.entities {
            entities.append(e.get().to_dict(py)?)?;
        }
        d.set_item("entities", entities)?;
        Ok(d)
    }

    fn __len__(&self) -> usize {
        self.quotes.len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let id = self.id.bind(py);
        let id = if id.is_none() {
            String::new()
        } else {
            format!("id={}, ", id.repr()?)
        };
        Ok(format!(
            "Attribution({id}quotes={}, entities={})",
            self.quotes.len(),
            self.entities.len()
        ))
    }
}

/// Finds the quotations of `text` and who said them.
///
/// Offsets are `str` indices: `text[q.start:q.end]` is quotation `q`.
/// `single_quotes` is "auto" (the default), "always" (single marks
/// delimit top-level quotations too) or "never" (only nested ones).
/// `all_spans=True` lists every quoted span with its kind, not only
/// reported speech.
///
/// Raises TypeError when `text` is not a str, ValueError for a bad option
/// or a text over 4 GiB of UTF-8.
#[pyfunction]
#[pyo3(signature = (text, *, single_quotes = "auto", all_spans = false))]
fn attribute(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    single_quotes: &str,
    all_spans: bool,
) -> PyResult<Attribution> {
    let attributor = self::attributor(self::single_quotes(single_quotes)?)?;
    let text = text_of(text, "text")?;
    let spans = span_selection(all_spans);
    let doc = py
        .detach(|| record(&attributor, &text, spans))
        .map_err(PyValueError::new_err)?;
    Attribution::new(py, py.None(), doc)
}

/// Texts are pulled from the iterable in batches of about this many bytes
/// (or items), each attributed in parallel while the batch before it
/// becomes Python objects.
const BATCH_BYTES: usize = 256 << 10;
const BATCH_ITEMS: usize = 512;
/// Batches handed to the worker threads and not yet taken back.
const IN_FLIGHT: usize = 2;

/// The default pool: one worker per core, started once.
fn default_pool() -> PyResult<Arc<rayon::ThreadPool>> {
    static POOL: OnceLock<Arc<rayon::ThreadPool>> = OnceLock::new();
    if let Some(pool) = POOL.get() {
        return Ok(pool.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("whosaid-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}")))?;
    Ok(POOL.get_or_init(|| Arc::new(pool)).clone())
}

fn pool(threads: Option<i64>) -> PyResult<Arc<rayon::ThreadPool>> {
    match threads {
        None => default_pool(),
        Some(n) if n < 1 => Err(PyValueError::new_err(format!(
            "threads must be at least 1, not {n}"
        ))),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(usize::try_from(n).unwrap_or(usize::MAX))
            .thread_name(|i| format!("whosaid-{i}"))
            .build()
            .map(Arc::new)
            .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}"))),
    }
}

/// A batch on the worker threads.
struct Batch {
    ids: Vec<Py<PyAny>>,
    /// A mutex only so that `Results` is `Sync`, as every Python object
    /// must be; one thread takes the result.
    results: Mutex<Receiver<Vec<Result<DocumentRecord, String>>>>,
    /// What ended the input after this batch's texts, raised once they are
    /// yielded.
    error: Option<PyErr>,
}

/// The results of `attribute_many`, in input order.
#[pyclass(module = "whosaid")]
struct Results {
    source: Option<Py<PyIterator>>,
    /// Items pulled from the source so far, for error messages.
    pulled: usize,
    attributor: Arc<Attributor>,
    spans: SpanSelection,
    pool: Arc<rayon::ThreadPool>,
    in_flight: VecDeque<Batch>,
    ready: VecDeque<Attribution>,
    error: Option<PyErr>,
}

impl Results {
    /// Pulls one item: a str, or an (id, text) pair.
    fn item(&mut self, py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<(Py<PyAny>, String)> {
        let index = self.pulled;
        self.pulled += 1;
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok((py.None(), s.to_cow()?.into_owned()));
        }
        if let Ok(pair) = obj.cast::<PyTuple>() {
            if pair.len() == 2 {
                let id = pair.get_item(0)?;
                let text = text_of(&pair.get_item(1)?, &format!("the text of item {index}"))?;
                return Ok((id.unbind(), text));
            }
        }
        Err(PyTypeError::new_err(format!(
            "item {index} must be a str or an (id, text) tuple, not {}",
            type_name(obj)
        )))
    }

    /// Pulls the next batch from the source and hands it to the workers.
    fn submit(&mut self, py: Python<'_>) {
        let Some(source) = self.source.as_ref().map(|s| s.clone_ref(py)) else {
            return;
        };
        let mut ids = Vec::new();
        let mut texts = Vec::new();
        let mut bytes = 0;
        let mut error = None;
        let mut ended = false;
        for obj in source.bind(py) {
            let item = obj.and_then(|obj| self.item(py, &obj));
            match item {
                Ok((id, text)) => {
                    bytes += text.len();
                    ids.push(id);
                    texts.push(text);
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
            if bytes >= BATCH_BYTES || texts.len() >= BATCH_ITEMS {
                break;
            }
        }
        if error.is_some() || texts.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
            ended = true;
        }
        if ended {
            self.source = None;
        }
        if texts.is_empty() && error.is_none() {
            return;
        }
        let (tx, rx) = channel();
        let attributor = self.attributor.clone();
        let spans = self.spans;
        let pool = self.pool.clone();
        self.pool.spawn(move || {
            use rayon::prelude::*;
            let out: Vec<_> = pool.install(|| {
                texts
                    .par_iter()
                    .map(|t| record(&attributor, t, spans))
                    .collect()
            });
            // The receiver is gone when the iterator was dropped early.
            let _ = tx.send(out);
        });
        self.in_flight.push_back(Batch {
            ids,
            results: Mutex::new(rx),
            error,
        });
    }
}

#[pymethods]
impl Results {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Attribution>> {
        if let Some(a) = self.ready.pop_front() {
            return Ok(Some(a));
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        while self.in_flight.len() < IN_FLIGHT && self.source.is_some() {
            self.submit(py);
        }
        let Some(batch) = self.in_flight.pop_front() else {
            return Ok(None);
        };
        let Batch {
            ids,
            results,
            error,
        } = batch;
        let results = py
            .detach(move || results.into_inner().ok()?.recv().ok())
            .ok_or(())
            .map_err(|_| PyValueError::new_err("a worker thread failed"))?;
        for (id, result) in ids.into_iter().zip(results) {
            match result {
                Ok(doc) => self.ready.push_back(Attribution::new(py, id, doc)?),
                Err(e) => {
                    // Nothing after a failed text is yielded.
                    self.error = Some(PyValueError::new_err(e));
                    self.source = None;
                    self.in_flight.clear();
                    break;
                }
            }
        }
        if self.error.is_none() {
            if let Some(e) = error {
                self.error = Some(e);
                self.in_flight.clear();
            }
        }
        // Keep the workers busy while the caller reads this batch.
        while self.in_flight.len() < IN_FLIGHT && self.source.is_some() {
            self.submit(py);
        }
        match self.ready.pop_front() {
            Some(a) => Ok(Some(a)),
            None => match self.error.take() {
                Some(e) => Err(e),
                None => self.__next__(py),
            },
        }
    }
}

/// Attributes many texts on worker threads and yields their results in
/// input order.
///
/// `texts` is any iterable of str, or of (id, text) tuples; each result's
/// `id` is the id given, or None. It is read in batches while earlier ones
/// are attributed with the GIL released, so a generator over a large
/// archive is never held in memory whole. `threads` is the number of
/// worker threads (default: one per core). `single_quotes` and `all_spans`
/// are as for `attribute`.
///
/// Raises TypeError (when the item is reached) for an item that is neither
/// a str nor an (id, str) tuple, ValueError for a bad option or a text over
/// 4 GiB of UTF-8; the results before it are yielded first.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, *, single_quotes = "auto", all_spans = false))]
fn attribute_many(
    texts: &Bound<'_, PyAny>,
    threads: Option<i64>,
    single_quotes: &str,
    all_spans: bool,
) -> PyResult<Results> {
    let attributor = Arc::new(self::attributor(self::single_quotes(single_quotes)?)?);
    let pool = pool(threads)?;
    let source = texts.try_iter()?.unbind();
    Ok(Results {
        source: Some(source),
        pulled: 0,
        attributor,
        spans: span_selection(all_spans),
        pool,
        in_flight: VecDeque::new(),
        ready: VecDeque::new(),
        error: None,
    })
}

/// Find the quotations in news text and tell who said them.
///
/// `attribute(text)` gives one text's quotations, each with its speaker,
/// the speaker's entity, the cue and the rule that found it, and the
/// text's entity table; `attribute_many(texts)` does the same for many
/// texts on all cores. Offsets are `str` indices.
#[pymodule]
#[pyo3(name = "whosaid")]
fn whosaid_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_TEXT_LEN", whosaid::tokenizer::MAX_TEXT_LEN)?;
    m.add_function(wrap_pyfunction!(attribute, m)?)?;
    m.add_function(wrap_pyfunction!(attribute_many, m)?)?;
    m.add_class::<Attribution>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Nested>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Results>()?;
    Ok(())
}
