/**
 * Control elements travel through channels in line with records, as Flink's StreamElements and
 * events do: a watermark or an aligned barrier never overtakes the records sent before it. An
 * unaligned barrier is the exception: it is sent with priority and overtakes in-flight data.
 */
export class Watermark {
  constructor(readonly value: number) {}
}

/** Flink's WatermarkStatus: an idle input is left out of the downstream minimum until it is active again. */
export class WatermarkStatus {
  constructor(readonly idle: boolean) {}
}

/** Checkpoint barrier n (Chandy–Lamport marker, Flink's CheckpointBarrier). */
export class Barrier {
  constructor(
    readonly id: number,
    readonly savepoint: boolean,
    /** Sent with priority, overtaking buffered records (unaligned checkpoints). */
    readonly unaligned: boolean,
  ) {}
}

/** The sender has finished: no more elements will follow on this channel (Flink's EndOfPartitionEvent). */
export class EndOfInput {}

export type Control = Watermark | WatermarkStatus | Barrier | EndOfInput;
