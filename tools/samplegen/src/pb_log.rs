//! The event log as Buck2 writes it to `buck-out/v2/log/<time>_<command>_<uuid>_events.pb.zst`
//! (docs/event-log-pb.md): varint-length-delimited protobuf records (prost's
//! `encode_length_delimited`, as Buck2's `write.rs`), first a `buck.data.Invocation`, then one
//! `buck.daemon.CommandProgress` per event and one for the command's result; zstd over the whole.
//!
//! The messages below are our own description of the few Buck2 messages a log of Load spans
//! needs, written from the field numbers of buck2's `app/buck2_data/data.proto` and
//! `app/buck2_cli_proto/daemon.proto` (checked at buck2 13baa8a1); fields we never set are left out.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use prost::Message;

use crate::event_log::uquery_patterns;
use crate::event_log::LoadRecord;
use crate::event_log::WORKING_DIR;
use crate::log_timeline::timeline;
use crate::log_timeline::Data;
use crate::log_timeline::Stamp;
use crate::log_timeline::START_NAME;
use crate::project::CELL;

/// `google.protobuf.Timestamp` and `google.protobuf.Duration` (same fields).
#[derive(Clone, PartialEq, Message)]
struct SecondsNanos {
    #[prost(int64, tag = "1")]
    seconds: i64,
    #[prost(int32, tag = "2")]
    nanos: i32,
}

/// `buck.data.Invocation`.
#[derive(Clone, PartialEq, Message)]
struct Invocation {
    #[prost(string, repeated, tag = "1")]
    command_line_args: Vec<String>,
    #[prost(string, tag = "2")]
    working_dir: String,
    #[prost(string, optional, tag = "3")]
    trace_id: Option<String>,
    #[prost(message, optional, tag = "4")]
    start_time: Option<SecondsNanos>,
    #[prost(string, repeated, tag = "11")]
    expanded_command_line_args: Vec<String>,
}

/// `buck.daemon.CommandProgress`: oneof `progress` { event = 1, result = 2 }.
#[derive(Clone, PartialEq, Message)]
struct CommandProgress {
    #[prost(oneof = "Progress", tags = "1, 2")]
    progress: Option<Progress>,
}

#[derive(Clone, PartialEq, prost::Oneof)]
enum Progress {
    #[prost(message, tag = "1")]
    Event(BuckEvent),
    #[prost(message, tag = "2")]
    Result(CommandResult),
}

/// `buck.data.BuckEvent`: oneof `data` { span_start = 20, span_end = 21 }.
#[derive(Clone, PartialEq, Message)]
struct BuckEvent {
    #[prost(message, optional, tag = "1")]
    timestamp: Option<SecondsNanos>,
    #[prost(string, tag = "2")]
    trace_id: String,
    #[prost(uint64, tag = "3")]
    span_id: u64,
    #[prost(uint64, tag = "4")]
    parent_id: u64,
    #[prost(oneof = "EventData", tags = "20, 21")]
    data: Option<EventData>,
}

#[derive(Clone, PartialEq, prost::Oneof)]
enum EventData {
    #[prost(message, tag = "20")]
    SpanStart(SpanStartEvent),
    #[prost(message, tag = "21")]
    SpanEnd(SpanEndEvent),
}

/// `buck.data.SpanStartEvent`: oneof `data` { command = 50, load = 53 }.
#[derive(Clone, PartialEq, Message)]
struct SpanStartEvent {
    #[prost(oneof = "StartData", tags = "50, 53")]
    data: Option<StartData>,
}

#[derive(Clone, PartialEq, prost::Oneof)]
enum StartData {
    #[prost(message, tag = "50")]
    Command(CommandStart),
    #[prost(message, tag = "53")]
    Load(LoadBuildFileStart),
}

/// `buck.data.CommandStart`: metadata = 1, cli_args = 2, tags = 3, oneof `data` { query = 22 }.
#[derive(Clone, PartialEq, Message)]
struct CommandStart {
    #[prost(map = "string, string", tag = "1")]
    metadata: HashMap<String, String>,
    #[prost(string, repeated, tag = "2")]
    cli_args: Vec<String>,
    #[prost(string, repeated, tag = "3")]
    tags: Vec<String>,
    #[prost(message, optional, tag = "22")]
    query: Option<Empty>,
}

/// `QueryCommandStart`, `QueryCommandEnd`, `UqueryResponse`: messages without fields.
#[derive(Clone, PartialEq, Message)]
struct Empty {}

/// `buck.data.LoadBuildFileStart`.
#[derive(Clone, PartialEq, Message)]
struct LoadBuildFileStart {
    #[prost(string, tag = "1")]
    module_id: String,
    #[prost(string, tag = "2")]
    cell: String,
}

/// `buck.data.SpanEndEvent`: stats = 1, duration = 2, oneof `data` { command = 50, load = 53 }.
#[derive(Clone, PartialEq, Message)]
struct SpanEndEvent {
    #[prost(message, optional, tag = "1")]
    stats: Option<SpanStats>,
    #[prost(message, optional, tag = "2")]
    duration: Option<SecondsNanos>,
    #[prost(oneof = "EndData", tags = "50, 53")]
    data: Option<EndData>,
}

#[derive(Clone, PartialEq, prost::Oneof)]
enum EndData {
    #[prost(message, tag = "50")]
    Command(CommandEnd),
    #[prost(message, tag = "53")]
    Load(LoadBuildFileEnd),
}

/// `buck.data.SpanStats`.
#[derive(Clone, PartialEq, Message)]
struct SpanStats {
    #[prost(uint64, tag = "1")]
    max_poll_time_us: u64,
    #[prost(uint64, tag = "2")]
    total_poll_time_us: u64,
}

/// `buck.data.CommandEnd`: is_success = 2, oneof `data` { query = 22 }.
#[derive(Clone, PartialEq, Message)]
struct CommandEnd {
    #[prost(bool, tag = "2")]
    is_success: bool,
    #[prost(message, optional, tag = "22")]
    query: Option<Empty>,
}

/// `buck.data.LoadBuildFileEnd`.
#[derive(Clone, PartialEq, Message)]
struct LoadBuildFileEnd {
    #[prost(string, tag = "1")]
    module_id: String,
    #[prost(string, tag = "2")]
    cell: String,
    #[prost(string, optional, tag = "3")]
    error: Option<String>,
    #[prost(uint64, optional, tag = "4")]
    starlark_peak_allocated_bytes: Option<u64>,
    #[prost(uint64, optional, tag = "5")]
    cpu_instruction_count: Option<u64>,
    #[prost(uint64, optional, tag = "6")]
    target_count: Option<u64>,
    #[prost(uint64, optional, tag = "7")]
    starlark_tick_count: Option<u64>,
}

/// `buck.daemon.CommandResult`: oneof `result` { error = 1, uquery_response = 8 }.
#[derive(Clone, PartialEq, Message)]
struct CommandResult {
    #[prost(message, optional, tag = "1")]
    error: Option<ErrorReport>,
    #[prost(message, optional, tag = "8")]
    uquery_response: Option<Empty>,
}

/// `buck.data.ErrorReport`: message = 3 (1 and 2 are reserved).
#[derive(Clone, PartialEq, Message)]
struct ErrorReport {
    #[prost(string, tag = "3")]
    message: String,
}

fn seconds_nanos(s: Stamp) -> SecondsNanos {
    SecondsNanos { seconds: s.secs as i64, nanos: s.nanos as i32 }
}

fn micros(us: u64) -> SecondsNanos {
    SecondsNanos { seconds: (us / 1_000_000) as i64, nanos: ((us % 1_000_000) * 1000) as i32 }
}

fn span_end(duration_us: u64, data: EndData) -> EventData {
    let stats = SpanStats { max_poll_time_us: duration_us, total_poll_time_us: duration_us };
    EventData::SpanEnd(SpanEndEvent { stats: Some(stats), duration: Some(micros(duration_us)), data: Some(data) })
}

fn load_end(r: &LoadRecord) -> LoadBuildFileEnd {
    let error = r.limit_error();
    let ok = error.is_none();
    LoadBuildFileEnd {
        module_id: r.module_id(),
        cell: CELL.to_owned(),
        error,
        starlark_peak_allocated_bytes: ok.then_some(r.peak_allocated_bytes),
        cpu_instruction_count: None,
        target_count: ok.then_some(r.target_count),
        starlark_tick_count: ok.then_some(r.tick_count),
    }
}

fn event_data(data: &Data, args: &[String]) -> EventData {
    match data {
        Data::CommandStart => EventData::SpanStart(SpanStartEvent {
            data: Some(StartData::Command(CommandStart {
                metadata: HashMap::new(),
                cli_args: args.to_vec(),
                tags: vec![],
                query: Some(Empty {}),
            })),
        }),
        Data::LoadStart(r) => EventData::SpanStart(SpanStartEvent {
            data: Some(StartData::Load(LoadBuildFileStart { module_id: r.module_id(), cell: CELL.to_owned() })),
        }),
        Data::LoadEnd { record, duration_us } => span_end(*duration_us, EndData::Load(load_end(record))),
        Data::CommandEnd { duration_us, success } => {
            span_end(*duration_us, EndData::Command(CommandEnd { is_success: *success, query: Some(Empty {}) }))
        }
    }
}

/// The whole log as Buck2's records (uncompressed `.pb` bytes), the same events as `event_log::render`.
pub fn render(trace_id: &str, patterns: &[String], records: &[LoadRecord]) -> anyhow::Result<Vec<u8>> {
    let t = timeline(patterns, records);
    let mut out = Vec::new();
    let invocation = Invocation {
        command_line_args: t.args.clone(),
        working_dir: WORKING_DIR.to_owned(),
        trace_id: Some(trace_id.to_owned()),
        start_time: Some(seconds_nanos(t.start)),
        expanded_command_line_args: t.args.clone(),
    };
    invocation.encode_length_delimited(&mut out)?;
    for e in &t.events {
        let event = BuckEvent {
            timestamp: Some(seconds_nanos(e.stamp)),
            trace_id: trace_id.to_owned(),
            span_id: e.span_id,
            parent_id: e.parent_id,
            data: Some(event_data(&e.data, &t.args)),
        };
        CommandProgress { progress: Some(Progress::Event(event)) }.encode_length_delimited(&mut out)?;
    }
    let result = match t.failure {
        None => CommandResult { error: None, uquery_response: Some(Empty {}) },
        Some(message) => CommandResult { error: Some(ErrorReport { message }), uquery_response: None },
    };
    CommandProgress { progress: Some(Progress::Result(result)) }.encode_length_delimited(&mut out)?;
    Ok(out)
}

/// Where Buck2 writes its logs, under the samples folder.
pub const BUCK_OUT: &str = "buck-out";
/// The `--event-log PATH.pb` / `PATH.pb.gz` copies of one log.
pub const COPIES: &str = "event-logs-pb";

/// Writes `buck-out/v2/log/<time>_uquery_<trace id>_events.pb.zst` as Buck2 names it (its zstd
/// level 9) and, when `copies_as` names one, `event-logs-pb/<name>.pb` and `.pb.gz` (gzip at
/// Buck2's `Level::Fastest`), as `--event-log <name>.pb[.gz]` would.
pub fn write_sample(out: &Path, trace_id: &str, records: &[LoadRecord], copies_as: Option<&str>) -> anyhow::Result<()> {
    let bytes = render(trace_id, &uquery_patterns(records), records)?;
    let log_dir = out.join(BUCK_OUT).join("v2/log");
    std::fs::create_dir_all(&log_dir)?;
    let name = format!("{START_NAME}_uquery_{trace_id}_events.pb.zst");
    std::fs::write(log_dir.join(name), zstd::encode_all(bytes.as_slice(), 9)?)?;
    if let Some(copy) = copies_as {
        let dir = out.join(COPIES);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{copy}.pb")), &bytes)?;
        let file = std::fs::File::create(dir.join(format!("{copy}.pb.gz")))?;
        let mut gz = flate2::GzBuilder::new().mtime(0).write(file, flate2::Compression::fast());
        gz.write_all(&bytes)?;
        gz.finish()?;
    }
    Ok(())
}
