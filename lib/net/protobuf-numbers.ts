// Decode 64-bit protobuf integers as JS numbers (all doppel's offsets and counters stay below
// 2^53). Must be evaluated before the generated module, whose field defaults read util.Long.
import protobuf from 'protobufjs/minimal.js';

(protobuf.util as { Long?: unknown }).Long = undefined;
protobuf.configure();
