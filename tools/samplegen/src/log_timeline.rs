//! The events of one generated `buck2 uquery` event log, in order, with their fixed timestamps
//! and span ids: the JSON-lines writer (`event_log.rs`) and the protobuf writer (`pb_log.rs`)
//! both render this one timeline, so the two files of a log hold the same events.

use crate::event_log::LoadRecord;

/// 2026-11-25T10:00:00Z, the fixed start of every generated log.
const START_SECS: u64 = 1_795_600_800;
/// START_SECS as Buck2's log file names write it (`%Y%m%d-%H%M%S` of the first event, UTC).
pub const START_NAME: &str = "20261125-100000";

/// A point in time as Buck2's `google.protobuf.Timestamp` holds it.
#[derive(Clone, Copy)]
pub struct Stamp {
    pub secs: u64,
    pub nanos: u32,
}

pub enum Data<'a> {
    CommandStart,
    LoadStart(&'a LoadRecord),
    LoadEnd { record: &'a LoadRecord, duration_us: u64 },
    CommandEnd { duration_us: u64, success: bool },
}

pub struct Event<'a> {
    pub stamp: Stamp,
    pub span_id: u64,
    pub parent_id: u64,
    pub data: Data<'a>,
}

pub struct Timeline<'a> {
    /// `buck2 uquery <patterns>`.
    pub args: Vec<String>,
    pub start: Stamp,
    pub events: Vec<Event<'a>>,
    /// The first over-limit error: the command's result is then that error.
    pub failure: Option<String>,
}

/// Synthetic but deterministic span length: 150 µs plus 1 µs per 16 evaluator ticks.
fn duration_us(r: &LoadRecord) -> u64 {
    150 + r.tick_count / 16
}

fn stamp(micros: u64) -> Stamp {
    Stamp { secs: START_SECS + micros / 1_000_000, nanos: ((micros % 1_000_000) * 1000) as u32 }
}

/// A command span around one Load span per record.
pub fn timeline<'a>(patterns: &[String], records: &'a [LoadRecord]) -> Timeline<'a> {
    let mut args = vec!["buck2".to_owned(), "uquery".to_owned()];
    args.extend(patterns.iter().cloned());
    let mut micros = 1_500;
    let command_start = micros;
    let mut events = vec![Event { stamp: stamp(micros), span_id: 1, parent_id: 0, data: Data::CommandStart }];
    for (i, record) in records.iter().enumerate() {
        let span_id = 2 + i as u64;
        micros += 40;
        events.push(Event { stamp: stamp(micros), span_id, parent_id: 1, data: Data::LoadStart(record) });
        let duration_us = duration_us(record);
        micros += duration_us;
        events.push(Event { stamp: stamp(micros), span_id, parent_id: 1, data: Data::LoadEnd { record, duration_us } });
    }
    let failure = records.iter().find_map(LoadRecord::limit_error);
    micros += 300;
    let end = Data::CommandEnd { duration_us: micros - command_start, success: failure.is_none() };
    events.push(Event { stamp: stamp(micros), span_id: 1, parent_id: 0, data: end });
    Timeline { args, start: stamp(0), events, failure }
}
