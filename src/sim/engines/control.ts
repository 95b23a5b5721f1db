/**
 * Control elements travel through channels in line with records, as Flink's StreamElements do:
 * a watermark can never overtake the records sent before it. (Checkpoint barriers join them later.)
 */
export class Watermark {
  constructor(readonly value: number) {}
}

/** Flink's WatermarkStatus: an idle input is left out of the downstream minimum until it is active again. */
export class WatermarkStatus {
  constructor(readonly idle: boolean) {}
}

export type Control = Watermark | WatermarkStatus;
