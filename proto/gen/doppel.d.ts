import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace doppel. */
export namespace doppel {

    /**
     * Properties of a Hello.
     * @deprecated Use doppel.Hello.$Properties instead.
     */
    interface IHello extends doppel.Hello.$Properties {
    }

    /** Represents a Hello. */
    class Hello {

        /**
         * Constructs a new Hello.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Hello.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Hello protocolVersion. */
        protocolVersion: number;

        /** Hello name. */
        name: string;

        /** Hello software. */
        software: string;

        /** Hello timeMs. */
        timeMs: number;

        /**
         * Creates a new Hello instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Hello instance
         */
        static create(properties: doppel.Hello.$Shape): doppel.Hello & doppel.Hello.$Shape;
        static create(properties?: doppel.Hello.$Properties): doppel.Hello;

        /**
         * Encodes the specified Hello message. Does not implicitly {@link doppel.Hello.verify|verify} messages.
         * @param message Hello message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Hello message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Hello & doppel.Hello.$Shape} Hello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Hello & doppel.Hello.$Shape;

        /**
         * Gets the type url for Hello
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Hello {

        /** Properties of a Hello. */
        interface $Properties {

            /** Hello protocolVersion */
            protocolVersion?: (number|null);

            /** Hello name */
            name?: (string|null);

            /** Hello software */
            software?: (string|null);

            /** Hello timeMs */
            timeMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Hello. */
        type $Shape = doppel.Hello.$Properties;
    }

    /**
     * Properties of a Heartbeat.
     * @deprecated Use doppel.Heartbeat.$Properties instead.
     */
    interface IHeartbeat extends doppel.Heartbeat.$Properties {
    }

    /** Represents a Heartbeat. */
    class Heartbeat {

        /**
         * Constructs a new Heartbeat.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Heartbeat.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Heartbeat seq. */
        seq: number;

        /** Heartbeat timeMs. */
        timeMs: number;

        /** Heartbeat reply. */
        reply: boolean;

        /**
         * Creates a new Heartbeat instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Heartbeat instance
         */
        static create(properties: doppel.Heartbeat.$Shape): doppel.Heartbeat & doppel.Heartbeat.$Shape;
        static create(properties?: doppel.Heartbeat.$Properties): doppel.Heartbeat;

        /**
         * Encodes the specified Heartbeat message. Does not implicitly {@link doppel.Heartbeat.verify|verify} messages.
         * @param message Heartbeat message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Heartbeat message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Heartbeat & doppel.Heartbeat.$Shape} Heartbeat
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Heartbeat & doppel.Heartbeat.$Shape;

        /**
         * Gets the type url for Heartbeat
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Heartbeat {

        /** Properties of a Heartbeat. */
        interface $Properties {

            /** Heartbeat seq */
            seq?: (number|null);

            /** Heartbeat timeMs */
            timeMs?: (number|null);

            /** Heartbeat reply */
            reply?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Heartbeat. */
        type $Shape = doppel.Heartbeat.$Properties;
    }

    /**
     * Properties of a WitnessQuery.
     * @deprecated Use doppel.WitnessQuery.$Properties instead.
     */
    interface IWitnessQuery extends doppel.WitnessQuery.$Properties {
    }

    /** Represents a WitnessQuery. */
    class WitnessQuery {

        /**
         * Constructs a new WitnessQuery.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.WitnessQuery.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WitnessQuery id. */
        id: number;

        /** WitnessQuery peerId. */
        peerId: string;

        /** WitnessQuery withinMs. */
        withinMs: number;

        /**
         * Creates a new WitnessQuery instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WitnessQuery instance
         */
        static create(properties: doppel.WitnessQuery.$Shape): doppel.WitnessQuery & doppel.WitnessQuery.$Shape;
        static create(properties?: doppel.WitnessQuery.$Properties): doppel.WitnessQuery;

        /**
         * Encodes the specified WitnessQuery message. Does not implicitly {@link doppel.WitnessQuery.verify|verify} messages.
         * @param message WitnessQuery message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.WitnessQuery.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WitnessQuery message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.WitnessQuery & doppel.WitnessQuery.$Shape} WitnessQuery
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.WitnessQuery & doppel.WitnessQuery.$Shape;

        /**
         * Gets the type url for WitnessQuery
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WitnessQuery {

        /** Properties of a WitnessQuery. */
        interface $Properties {

            /** WitnessQuery id */
            id?: (number|null);

            /** WitnessQuery peerId */
            peerId?: (string|null);

            /** WitnessQuery withinMs */
            withinMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WitnessQuery. */
        type $Shape = doppel.WitnessQuery.$Properties;
    }

    /**
     * Properties of a WitnessAnswer.
     * @deprecated Use doppel.WitnessAnswer.$Properties instead.
     */
    interface IWitnessAnswer extends doppel.WitnessAnswer.$Properties {
    }

    /** Represents a WitnessAnswer. */
    class WitnessAnswer {

        /**
         * Constructs a new WitnessAnswer.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.WitnessAnswer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** WitnessAnswer id. */
        id: number;

        /** WitnessAnswer reachable. */
        reachable: boolean;

        /** WitnessAnswer lastSeenAgoMs. */
        lastSeenAgoMs: number;

        /**
         * Creates a new WitnessAnswer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns WitnessAnswer instance
         */
        static create(properties: doppel.WitnessAnswer.$Shape): doppel.WitnessAnswer & doppel.WitnessAnswer.$Shape;
        static create(properties?: doppel.WitnessAnswer.$Properties): doppel.WitnessAnswer;

        /**
         * Encodes the specified WitnessAnswer message. Does not implicitly {@link doppel.WitnessAnswer.verify|verify} messages.
         * @param message WitnessAnswer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.WitnessAnswer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a WitnessAnswer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.WitnessAnswer & doppel.WitnessAnswer.$Shape} WitnessAnswer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.WitnessAnswer & doppel.WitnessAnswer.$Shape;

        /**
         * Gets the type url for WitnessAnswer
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace WitnessAnswer {

        /** Properties of a WitnessAnswer. */
        interface $Properties {

            /** WitnessAnswer id */
            id?: (number|null);

            /** WitnessAnswer reachable */
            reachable?: (boolean|null);

            /** WitnessAnswer lastSeenAgoMs */
            lastSeenAgoMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a WitnessAnswer. */
        type $Shape = doppel.WitnessAnswer.$Properties;
    }

    /**
     * Properties of a PeerFrame.
     * @deprecated Use doppel.PeerFrame.$Properties instead.
     */
    interface IPeerFrame extends doppel.PeerFrame.$Properties {
    }

    /** Represents a PeerFrame. */
    class PeerFrame {

        /**
         * Constructs a new PeerFrame.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.PeerFrame.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PeerFrame hello. */
        hello?: (doppel.Hello.$Properties|null);

        /** PeerFrame heartbeat. */
        heartbeat?: (doppel.Heartbeat.$Properties|null);

        /** PeerFrame failure. */
        failure?: (doppel.Failure.$Properties|null);

        /** PeerFrame witnessQuery. */
        witnessQuery?: (doppel.WitnessQuery.$Properties|null);

        /** PeerFrame witnessAnswer. */
        witnessAnswer?: (doppel.WitnessAnswer.$Properties|null);

        /** PeerFrame body. */
        body?: ("hello"|"heartbeat"|"failure"|"witnessQuery"|"witnessAnswer");

        /**
         * Creates a new PeerFrame instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PeerFrame instance
         */
        static create(properties: doppel.PeerFrame.$Shape): doppel.PeerFrame & doppel.PeerFrame.$Shape;
        static create(properties?: doppel.PeerFrame.$Properties): doppel.PeerFrame;

        /**
         * Encodes the specified PeerFrame message. Does not implicitly {@link doppel.PeerFrame.verify|verify} messages.
         * @param message PeerFrame message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.PeerFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PeerFrame message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.PeerFrame & doppel.PeerFrame.$Shape} PeerFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.PeerFrame & doppel.PeerFrame.$Shape;

        /**
         * Gets the type url for PeerFrame
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace PeerFrame {

        /** Properties of a PeerFrame. */
        interface $Properties {

            /** PeerFrame hello */
            hello?: (doppel.Hello.$Properties|null);

            /** PeerFrame heartbeat */
            heartbeat?: (doppel.Heartbeat.$Properties|null);

            /** PeerFrame failure */
            failure?: (doppel.Failure.$Properties|null);

            /** PeerFrame witnessQuery */
            witnessQuery?: (doppel.WitnessQuery.$Properties|null);

            /** PeerFrame witnessAnswer */
            witnessAnswer?: (doppel.WitnessAnswer.$Properties|null);

            /** PeerFrame body */
            body?: ("hello"|"heartbeat"|"failure"|"witnessQuery"|"witnessAnswer");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a PeerFrame. */
        type $Shape = {
          hello?: doppel.Hello.$Shape|null;
          heartbeat?: doppel.Heartbeat.$Shape|null;
          failure?: doppel.Failure.$Shape|null;
          witnessQuery?: doppel.WitnessQuery.$Shape|null;
          witnessAnswer?: doppel.WitnessAnswer.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; hello?: null; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "hello"; hello: doppel.Hello.$Shape; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "heartbeat"; hello?: null; heartbeat: doppel.Heartbeat.$Shape; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "failure"; hello?: null; heartbeat?: null; failure: doppel.Failure.$Shape; witnessQuery?: null; witnessAnswer?: null }|{ body?: "witnessQuery"; hello?: null; heartbeat?: null; failure?: null; witnessQuery: doppel.WitnessQuery.$Shape; witnessAnswer?: null }|{ body?: "witnessAnswer"; hello?: null; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer: doppel.WitnessAnswer.$Shape })
        );
    }

    /**
     * Properties of a Failure.
     * @deprecated Use doppel.Failure.$Properties instead.
     */
    interface IFailure extends doppel.Failure.$Properties {
    }

    /** Represents a Failure. */
    class Failure {

        /**
         * Constructs a new Failure.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Failure.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Failure code. */
        code: string;

        /** Failure message. */
        message: string;

        /**
         * Creates a new Failure instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Failure instance
         */
        static create(properties: doppel.Failure.$Shape): doppel.Failure & doppel.Failure.$Shape;
        static create(properties?: doppel.Failure.$Properties): doppel.Failure;

        /**
         * Encodes the specified Failure message. Does not implicitly {@link doppel.Failure.verify|verify} messages.
         * @param message Failure message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Failure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Failure message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Failure & doppel.Failure.$Shape} Failure
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Failure & doppel.Failure.$Shape;

        /**
         * Gets the type url for Failure
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Failure {

        /** Properties of a Failure. */
        interface $Properties {

            /** Failure code */
            code?: (string|null);

            /** Failure message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Failure. */
        type $Shape = doppel.Failure.$Properties;
    }

    /** Kind enum. */
    enum Kind {

        /** KIND_TREE value */
        KIND_TREE = 0,

        /** KIND_FILE value */
        KIND_FILE = 1,

        /** KIND_DEVICE value */
        KIND_DEVICE = 2
    }

    /**
     * Properties of an Offer.
     * @deprecated Use doppel.Offer.$Properties instead.
     */
    interface IOffer extends doppel.Offer.$Properties {
    }

    /** Represents an Offer. */
    class Offer {

        /**
         * Constructs a new Offer.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Offer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Offer protocolVersion. */
        protocolVersion: number;

        /** Offer protection. */
        protection: string;

        /** Offer kind. */
        kind: doppel.Kind;

        /** Offer generation. */
        generation: number;

        /** Offer blockSize. */
        blockSize: number;

        /** Offer totalBytes. */
        totalBytes: number;

        /** Offer compress. */
        compress: boolean;

        /** Offer sourceName. */
        sourceName: string;

        /** Offer reverse. */
        reverse: boolean;

        /** Offer failback. */
        failback: boolean;

        /** Offer failoverMode. */
        failoverMode: string;

        /** Offer heartbeatMs. */
        heartbeatMs: number;

        /** Offer missed. */
        missed: number;

        /** Offer diverged. */
        diverged: boolean;

        /** Offer divergedFiles. */
        divergedFiles: number;

        /** Offer divergedBytes. */
        divergedBytes: number;

        /**
         * Creates a new Offer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Offer instance
         */
        static create(properties: doppel.Offer.$Shape): doppel.Offer & doppel.Offer.$Shape;
        static create(properties?: doppel.Offer.$Properties): doppel.Offer;

        /**
         * Encodes the specified Offer message. Does not implicitly {@link doppel.Offer.verify|verify} messages.
         * @param message Offer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Offer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Offer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Offer & doppel.Offer.$Shape} Offer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Offer & doppel.Offer.$Shape;

        /**
         * Gets the type url for Offer
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Offer {

        /** Properties of an Offer. */
        interface $Properties {

            /** Offer protocolVersion */
            protocolVersion?: (number|null);

            /** Offer protection */
            protection?: (string|null);

            /** Offer kind */
            kind?: (doppel.Kind|null);

            /** Offer generation */
            generation?: (number|null);

            /** Offer blockSize */
            blockSize?: (number|null);

            /** Offer totalBytes */
            totalBytes?: (number|null);

            /** Offer compress */
            compress?: (boolean|null);

            /** Offer sourceName */
            sourceName?: (string|null);

            /** Offer reverse */
            reverse?: (boolean|null);

            /** Offer failback */
            failback?: (boolean|null);

            /** Offer failoverMode */
            failoverMode?: (string|null);

            /** Offer heartbeatMs */
            heartbeatMs?: (number|null);

            /** Offer missed */
            missed?: (number|null);

            /** Offer diverged */
            diverged?: (boolean|null);

            /** Offer divergedFiles */
            divergedFiles?: (number|null);

            /** Offer divergedBytes */
            divergedBytes?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Offer. */
        type $Shape = doppel.Offer.$Properties;
    }

    /**
     * Properties of an OfferReply.
     * @deprecated Use doppel.OfferReply.$Properties instead.
     */
    interface IOfferReply extends doppel.OfferReply.$Properties {
    }

    /** Represents an OfferReply. */
    class OfferReply {

        /**
         * Constructs a new OfferReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.OfferReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** OfferReply accepted. */
        accepted: boolean;

        /** OfferReply code. */
        code: string;

        /** OfferReply reason. */
        reason: string;

        /** OfferReply generation. */
        generation: number;

        /** OfferReply appliedSeq. */
        appliedSeq: number;

        /** OfferReply divergedFiles. */
        divergedFiles: number;

        /** OfferReply divergedBytes. */
        divergedBytes: number;

        /**
         * Creates a new OfferReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns OfferReply instance
         */
        static create(properties: doppel.OfferReply.$Shape): doppel.OfferReply & doppel.OfferReply.$Shape;
        static create(properties?: doppel.OfferReply.$Properties): doppel.OfferReply;

        /**
         * Encodes the specified OfferReply message. Does not implicitly {@link doppel.OfferReply.verify|verify} messages.
         * @param message OfferReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.OfferReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an OfferReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.OfferReply & doppel.OfferReply.$Shape} OfferReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.OfferReply & doppel.OfferReply.$Shape;

        /**
         * Gets the type url for OfferReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace OfferReply {

        /** Properties of an OfferReply. */
        interface $Properties {

            /** OfferReply accepted */
            accepted?: (boolean|null);

            /** OfferReply code */
            code?: (string|null);

            /** OfferReply reason */
            reason?: (string|null);

            /** OfferReply generation */
            generation?: (number|null);

            /** OfferReply appliedSeq */
            appliedSeq?: (number|null);

            /** OfferReply divergedFiles */
            divergedFiles?: (number|null);

            /** OfferReply divergedBytes */
            divergedBytes?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an OfferReply. */
        type $Shape = doppel.OfferReply.$Properties;
    }

    /** EntryType enum. */
    enum EntryType {

        /** ENTRY_FILE value */
        ENTRY_FILE = 0,

        /** ENTRY_DIR value */
        ENTRY_DIR = 1,

        /** ENTRY_SYMLINK value */
        ENTRY_SYMLINK = 2
    }

    /**
     * Properties of an IndexEntry.
     * @deprecated Use doppel.IndexEntry.$Properties instead.
     */
    interface IIndexEntry extends doppel.IndexEntry.$Properties {
    }

    /** Represents an IndexEntry. */
    class IndexEntry {

        /**
         * Constructs a new IndexEntry.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.IndexEntry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IndexEntry path. */
        path: string;

        /** IndexEntry type. */
        type: doppel.EntryType;

        /** IndexEntry size. */
        size: number;

        /** IndexEntry mode. */
        mode: number;

        /** IndexEntry mtimeMs. */
        mtimeMs: number;

        /** IndexEntry linkTarget. */
        linkTarget: string;

        /** IndexEntry blockHashes. */
        blockHashes: Uint8Array;

        /** IndexEntry staged. */
        staged: boolean;

        /**
         * Creates a new IndexEntry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IndexEntry instance
         */
        static create(properties: doppel.IndexEntry.$Shape): doppel.IndexEntry & doppel.IndexEntry.$Shape;
        static create(properties?: doppel.IndexEntry.$Properties): doppel.IndexEntry;

        /**
         * Encodes the specified IndexEntry message. Does not implicitly {@link doppel.IndexEntry.verify|verify} messages.
         * @param message IndexEntry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.IndexEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IndexEntry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.IndexEntry & doppel.IndexEntry.$Shape} IndexEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.IndexEntry & doppel.IndexEntry.$Shape;

        /**
         * Gets the type url for IndexEntry
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IndexEntry {

        /** Properties of an IndexEntry. */
        interface $Properties {

            /** IndexEntry path */
            path?: (string|null);

            /** IndexEntry type */
            type?: (doppel.EntryType|null);

            /** IndexEntry size */
            size?: (number|null);

            /** IndexEntry mode */
            mode?: (number|null);

            /** IndexEntry mtimeMs */
            mtimeMs?: (number|null);

            /** IndexEntry linkTarget */
            linkTarget?: (string|null);

            /** IndexEntry blockHashes */
            blockHashes?: (Uint8Array|null);

            /** IndexEntry staged */
            staged?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IndexEntry. */
        type $Shape = doppel.IndexEntry.$Properties;
    }

    /**
     * Properties of an IndexChunk.
     * @deprecated Use doppel.IndexChunk.$Properties instead.
     */
    interface IIndexChunk extends doppel.IndexChunk.$Properties {
    }

    /** Represents an IndexChunk. */
    class IndexChunk {

        /**
         * Constructs a new IndexChunk.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.IndexChunk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** IndexChunk entries. */
        entries: doppel.IndexEntry.$Properties[];

        /** IndexChunk last. */
        last: boolean;

        /**
         * Creates a new IndexChunk instance using the specified properties.
         * @param [properties] Properties to set
         * @returns IndexChunk instance
         */
        static create(properties: doppel.IndexChunk.$Shape): doppel.IndexChunk & doppel.IndexChunk.$Shape;
        static create(properties?: doppel.IndexChunk.$Properties): doppel.IndexChunk;

        /**
         * Encodes the specified IndexChunk message. Does not implicitly {@link doppel.IndexChunk.verify|verify} messages.
         * @param message IndexChunk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.IndexChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an IndexChunk message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.IndexChunk & doppel.IndexChunk.$Shape} IndexChunk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.IndexChunk & doppel.IndexChunk.$Shape;

        /**
         * Gets the type url for IndexChunk
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace IndexChunk {

        /** Properties of an IndexChunk. */
        interface $Properties {

            /** IndexChunk entries */
            entries?: (doppel.IndexEntry.$Properties[]|null);

            /** IndexChunk last */
            last?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an IndexChunk. */
        type $Shape = doppel.IndexChunk.$Properties;
    }

    /**
     * Properties of a MkDir.
     * @deprecated Use doppel.MkDir.$Properties instead.
     */
    interface IMkDir extends doppel.MkDir.$Properties {
    }

    /** Represents a MkDir. */
    class MkDir {

        /**
         * Constructs a new MkDir.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.MkDir.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MkDir path. */
        path: string;

        /** MkDir mode. */
        mode: number;

        /** MkDir mtimeMs. */
        mtimeMs: number;

        /**
         * Creates a new MkDir instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MkDir instance
         */
        static create(properties: doppel.MkDir.$Shape): doppel.MkDir & doppel.MkDir.$Shape;
        static create(properties?: doppel.MkDir.$Properties): doppel.MkDir;

        /**
         * Encodes the specified MkDir message. Does not implicitly {@link doppel.MkDir.verify|verify} messages.
         * @param message MkDir message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.MkDir.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MkDir message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.MkDir & doppel.MkDir.$Shape} MkDir
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.MkDir & doppel.MkDir.$Shape;

        /**
         * Gets the type url for MkDir
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MkDir {

        /** Properties of a MkDir. */
        interface $Properties {

            /** MkDir path */
            path?: (string|null);

            /** MkDir mode */
            mode?: (number|null);

            /** MkDir mtimeMs */
            mtimeMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MkDir. */
        type $Shape = doppel.MkDir.$Properties;
    }

    /**
     * Properties of a Symlink.
     * @deprecated Use doppel.Symlink.$Properties instead.
     */
    interface ISymlink extends doppel.Symlink.$Properties {
    }

    /** Represents a Symlink. */
    class Symlink {

        /**
         * Constructs a new Symlink.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Symlink.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Symlink path. */
        path: string;

        /** Symlink target. */
        target: string;

        /**
         * Creates a new Symlink instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Symlink instance
         */
        static create(properties: doppel.Symlink.$Shape): doppel.Symlink & doppel.Symlink.$Shape;
        static create(properties?: doppel.Symlink.$Properties): doppel.Symlink;

        /**
         * Encodes the specified Symlink message. Does not implicitly {@link doppel.Symlink.verify|verify} messages.
         * @param message Symlink message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Symlink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Symlink message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Symlink & doppel.Symlink.$Shape} Symlink
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Symlink & doppel.Symlink.$Shape;

        /**
         * Gets the type url for Symlink
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Symlink {

        /** Properties of a Symlink. */
        interface $Properties {

            /** Symlink path */
            path?: (string|null);

            /** Symlink target */
            target?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Symlink. */
        type $Shape = doppel.Symlink.$Properties;
    }

    /**
     * Properties of a Remove.
     * @deprecated Use doppel.Remove.$Properties instead.
     */
    interface IRemove extends doppel.Remove.$Properties {
    }

    /** Represents a Remove. */
    class Remove {

        /**
         * Constructs a new Remove.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Remove.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Remove path. */
        path: string;

        /**
         * Creates a new Remove instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Remove instance
         */
        static create(properties: doppel.Remove.$Shape): doppel.Remove & doppel.Remove.$Shape;
        static create(properties?: doppel.Remove.$Properties): doppel.Remove;

        /**
         * Encodes the specified Remove message. Does not implicitly {@link doppel.Remove.verify|verify} messages.
         * @param message Remove message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Remove.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Remove message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Remove & doppel.Remove.$Shape} Remove
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Remove & doppel.Remove.$Shape;

        /**
         * Gets the type url for Remove
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Remove {

        /** Properties of a Remove. */
        interface $Properties {

            /** Remove path */
            path?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Remove. */
        type $Shape = doppel.Remove.$Properties;
    }

    /**
     * Properties of a Rename.
     * @deprecated Use doppel.Rename.$Properties instead.
     */
    interface IRename extends doppel.Rename.$Properties {
    }

    /** Represents a Rename. */
    class Rename {

        /**
         * Constructs a new Rename.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Rename.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Rename from. */
        from: string;

        /** Rename to. */
        to: string;

        /**
         * Creates a new Rename instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Rename instance
         */
        static create(properties: doppel.Rename.$Shape): doppel.Rename & doppel.Rename.$Shape;
        static create(properties?: doppel.Rename.$Properties): doppel.Rename;

        /**
         * Encodes the specified Rename message. Does not implicitly {@link doppel.Rename.verify|verify} messages.
         * @param message Rename message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Rename.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Rename message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Rename & doppel.Rename.$Shape} Rename
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Rename & doppel.Rename.$Shape;

        /**
         * Gets the type url for Rename
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Rename {

        /** Properties of a Rename. */
        interface $Properties {

            /** Rename from */
            from?: (string|null);

            /** Rename to */
            to?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Rename. */
        type $Shape = doppel.Rename.$Properties;
    }

    /**
     * Properties of a FileBegin.
     * @deprecated Use doppel.FileBegin.$Properties instead.
     */
    interface IFileBegin extends doppel.FileBegin.$Properties {
    }

    /** Represents a FileBegin. */
    class FileBegin {

        /**
         * Constructs a new FileBegin.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.FileBegin.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FileBegin path. */
        path: string;

        /** FileBegin size. */
        size: number;

        /** FileBegin base. */
        base: boolean;

        /**
         * Creates a new FileBegin instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FileBegin instance
         */
        static create(properties: doppel.FileBegin.$Shape): doppel.FileBegin & doppel.FileBegin.$Shape;
        static create(properties?: doppel.FileBegin.$Properties): doppel.FileBegin;

        /**
         * Encodes the specified FileBegin message. Does not implicitly {@link doppel.FileBegin.verify|verify} messages.
         * @param message FileBegin message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.FileBegin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FileBegin message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.FileBegin & doppel.FileBegin.$Shape} FileBegin
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.FileBegin & doppel.FileBegin.$Shape;

        /**
         * Gets the type url for FileBegin
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FileBegin {

        /** Properties of a FileBegin. */
        interface $Properties {

            /** FileBegin path */
            path?: (string|null);

            /** FileBegin size */
            size?: (number|null);

            /** FileBegin base */
            base?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FileBegin. */
        type $Shape = doppel.FileBegin.$Properties;
    }

    /**
     * Properties of a FileCommit.
     * @deprecated Use doppel.FileCommit.$Properties instead.
     */
    interface IFileCommit extends doppel.FileCommit.$Properties {
    }

    /** Represents a FileCommit. */
    class FileCommit {

        /**
         * Constructs a new FileCommit.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.FileCommit.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FileCommit path. */
        path: string;

        /** FileCommit mode. */
        mode: number;

        /** FileCommit mtimeMs. */
        mtimeMs: number;

        /**
         * Creates a new FileCommit instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FileCommit instance
         */
        static create(properties: doppel.FileCommit.$Shape): doppel.FileCommit & doppel.FileCommit.$Shape;
        static create(properties?: doppel.FileCommit.$Properties): doppel.FileCommit;

        /**
         * Encodes the specified FileCommit message. Does not implicitly {@link doppel.FileCommit.verify|verify} messages.
         * @param message FileCommit message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.FileCommit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FileCommit message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.FileCommit & doppel.FileCommit.$Shape} FileCommit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.FileCommit & doppel.FileCommit.$Shape;

        /**
         * Gets the type url for FileCommit
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace FileCommit {

        /** Properties of a FileCommit. */
        interface $Properties {

            /** FileCommit path */
            path?: (string|null);

            /** FileCommit mode */
            mode?: (number|null);

            /** FileCommit mtimeMs */
            mtimeMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FileCommit. */
        type $Shape = doppel.FileCommit.$Properties;
    }

    /**
     * Properties of a Write.
     * @deprecated Use doppel.Write.$Properties instead.
     */
    interface IWrite extends doppel.Write.$Properties {
    }

    /** Represents a Write. */
    class Write {

        /**
         * Constructs a new Write.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Write.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Write path. */
        path: string;

        /** Write offset. */
        offset: number;

        /** Write data. */
        data: Uint8Array;

        /** Write hash. */
        hash: Uint8Array;

        /** Write rawLength. */
        rawLength: number;

        /** Write compressed. */
        compressed: boolean;

        /**
         * Creates a new Write instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Write instance
         */
        static create(properties: doppel.Write.$Shape): doppel.Write & doppel.Write.$Shape;
        static create(properties?: doppel.Write.$Properties): doppel.Write;

        /**
         * Encodes the specified Write message. Does not implicitly {@link doppel.Write.verify|verify} messages.
         * @param message Write message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Write.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Write message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Write & doppel.Write.$Shape} Write
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Write & doppel.Write.$Shape;

        /**
         * Gets the type url for Write
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Write {

        /** Properties of a Write. */
        interface $Properties {

            /** Write path */
            path?: (string|null);

            /** Write offset */
            offset?: (number|null);

            /** Write data */
            data?: (Uint8Array|null);

            /** Write hash */
            hash?: (Uint8Array|null);

            /** Write rawLength */
            rawLength?: (number|null);

            /** Write compressed */
            compressed?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Write. */
        type $Shape = doppel.Write.$Properties;
    }

    /**
     * Properties of a Resize.
     * @deprecated Use doppel.Resize.$Properties instead.
     */
    interface IResize extends doppel.Resize.$Properties {
    }

    /** Represents a Resize. */
    class Resize {

        /**
         * Constructs a new Resize.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Resize.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Resize path. */
        path: string;

        /** Resize size. */
        size: number;

        /**
         * Creates a new Resize instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Resize instance
         */
        static create(properties: doppel.Resize.$Shape): doppel.Resize & doppel.Resize.$Shape;
        static create(properties?: doppel.Resize.$Properties): doppel.Resize;

        /**
         * Encodes the specified Resize message. Does not implicitly {@link doppel.Resize.verify|verify} messages.
         * @param message Resize message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Resize.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Resize message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Resize & doppel.Resize.$Shape} Resize
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Resize & doppel.Resize.$Shape;

        /**
         * Gets the type url for Resize
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Resize {

        /** Properties of a Resize. */
        interface $Properties {

            /** Resize path */
            path?: (string|null);

            /** Resize size */
            size?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Resize. */
        type $Shape = doppel.Resize.$Properties;
    }

    /**
     * Properties of a SetAttr.
     * @deprecated Use doppel.SetAttr.$Properties instead.
     */
    interface ISetAttr extends doppel.SetAttr.$Properties {
    }

    /** Represents a SetAttr. */
    class SetAttr {

        /**
         * Constructs a new SetAttr.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.SetAttr.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SetAttr path. */
        path: string;

        /** SetAttr mode. */
        mode: number;

        /** SetAttr mtimeMs. */
        mtimeMs: number;

        /**
         * Creates a new SetAttr instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SetAttr instance
         */
        static create(properties: doppel.SetAttr.$Shape): doppel.SetAttr & doppel.SetAttr.$Shape;
        static create(properties?: doppel.SetAttr.$Properties): doppel.SetAttr;

        /**
         * Encodes the specified SetAttr message. Does not implicitly {@link doppel.SetAttr.verify|verify} messages.
         * @param message SetAttr message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.SetAttr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SetAttr message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.SetAttr & doppel.SetAttr.$Shape} SetAttr
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.SetAttr & doppel.SetAttr.$Shape;

        /**
         * Gets the type url for SetAttr
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SetAttr {

        /** Properties of a SetAttr. */
        interface $Properties {

            /** SetAttr path */
            path?: (string|null);

            /** SetAttr mode */
            mode?: (number|null);

            /** SetAttr mtimeMs */
            mtimeMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SetAttr. */
        type $Shape = doppel.SetAttr.$Properties;
    }

    /**
     * Properties of an Op.
     * @deprecated Use doppel.Op.$Properties instead.
     */
    interface IOp extends doppel.Op.$Properties {
    }

    /** Represents an Op. */
    class Op {

        /**
         * Constructs a new Op.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Op.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Op mkdir. */
        mkdir?: (doppel.MkDir.$Properties|null);

        /** Op symlink. */
        symlink?: (doppel.Symlink.$Properties|null);

        /** Op remove. */
        remove?: (doppel.Remove.$Properties|null);

        /** Op rename. */
        rename?: (doppel.Rename.$Properties|null);

        /** Op fileBegin. */
        fileBegin?: (doppel.FileBegin.$Properties|null);

        /** Op fileCommit. */
        fileCommit?: (doppel.FileCommit.$Properties|null);

        /** Op write. */
        write?: (doppel.Write.$Properties|null);

        /** Op resize. */
        resize?: (doppel.Resize.$Properties|null);

        /** Op setAttr. */
        setAttr?: (doppel.SetAttr.$Properties|null);

        /** Op op. */
        op?: ("mkdir"|"symlink"|"remove"|"rename"|"fileBegin"|"fileCommit"|"write"|"resize"|"setAttr");

        /**
         * Creates a new Op instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Op instance
         */
        static create(properties: doppel.Op.$Shape): doppel.Op & doppel.Op.$Shape;
        static create(properties?: doppel.Op.$Properties): doppel.Op;

        /**
         * Encodes the specified Op message. Does not implicitly {@link doppel.Op.verify|verify} messages.
         * @param message Op message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Op.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Op message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Op & doppel.Op.$Shape} Op
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Op & doppel.Op.$Shape;

        /**
         * Gets the type url for Op
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Op {

        /** Properties of an Op. */
        interface $Properties {

            /** Op mkdir */
            mkdir?: (doppel.MkDir.$Properties|null);

            /** Op symlink */
            symlink?: (doppel.Symlink.$Properties|null);

            /** Op remove */
            remove?: (doppel.Remove.$Properties|null);

            /** Op rename */
            rename?: (doppel.Rename.$Properties|null);

            /** Op fileBegin */
            fileBegin?: (doppel.FileBegin.$Properties|null);

            /** Op fileCommit */
            fileCommit?: (doppel.FileCommit.$Properties|null);

            /** Op write */
            write?: (doppel.Write.$Properties|null);

            /** Op resize */
            resize?: (doppel.Resize.$Properties|null);

            /** Op setAttr */
            setAttr?: (doppel.SetAttr.$Properties|null);

            /** Op op */
            op?: ("mkdir"|"symlink"|"remove"|"rename"|"fileBegin"|"fileCommit"|"write"|"resize"|"setAttr");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Op. */
        type $Shape = {
          mkdir?: doppel.MkDir.$Shape|null;
          symlink?: doppel.Symlink.$Shape|null;
          remove?: doppel.Remove.$Shape|null;
          rename?: doppel.Rename.$Shape|null;
          fileBegin?: doppel.FileBegin.$Shape|null;
          fileCommit?: doppel.FileCommit.$Shape|null;
          write?: doppel.Write.$Shape|null;
          resize?: doppel.Resize.$Shape|null;
          setAttr?: doppel.SetAttr.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ op?: undefined; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "mkdir"; mkdir: doppel.MkDir.$Shape; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "symlink"; mkdir?: null; symlink: doppel.Symlink.$Shape; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "remove"; mkdir?: null; symlink?: null; remove: doppel.Remove.$Shape; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "rename"; mkdir?: null; symlink?: null; remove?: null; rename: doppel.Rename.$Shape; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "fileBegin"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin: doppel.FileBegin.$Shape; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "fileCommit"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit: doppel.FileCommit.$Shape; write?: null; resize?: null; setAttr?: null }|{ op?: "write"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write: doppel.Write.$Shape; resize?: null; setAttr?: null }|{ op?: "resize"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize: doppel.Resize.$Shape; setAttr?: null }|{ op?: "setAttr"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr: doppel.SetAttr.$Shape })
        );
    }

    /**
     * Properties of a Batch.
     * @deprecated Use doppel.Batch.$Properties instead.
     */
    interface IBatch extends doppel.Batch.$Properties {
    }

    /** Represents a Batch. */
    class Batch {

        /**
         * Constructs a new Batch.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Batch.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Batch seq. */
        seq: number;

        /** Batch generation. */
        generation: number;

        /** Batch ops. */
        ops: doppel.Op.$Properties[];

        /** Batch final. */
        final: boolean;

        /** Batch mirrorDone. */
        mirrorDone: boolean;

        /**
         * Creates a new Batch instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Batch instance
         */
        static create(properties: doppel.Batch.$Shape): doppel.Batch & doppel.Batch.$Shape;
        static create(properties?: doppel.Batch.$Properties): doppel.Batch;

        /**
         * Encodes the specified Batch message. Does not implicitly {@link doppel.Batch.verify|verify} messages.
         * @param message Batch message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Batch message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Batch & doppel.Batch.$Shape} Batch
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Batch & doppel.Batch.$Shape;

        /**
         * Gets the type url for Batch
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Batch {

        /** Properties of a Batch. */
        interface $Properties {

            /** Batch seq */
            seq?: (number|null);

            /** Batch generation */
            generation?: (number|null);

            /** Batch ops */
            ops?: (doppel.Op.$Properties[]|null);

            /** Batch final */
            final?: (boolean|null);

            /** Batch mirrorDone */
            mirrorDone?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Batch. */
        type $Shape = {
          seq?: number|null;
          generation?: number|null;
          ops?: doppel.Op.$Shape[]|null;
          final?: boolean|null;
          mirrorDone?: boolean|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of an Ack.
     * @deprecated Use doppel.Ack.$Properties instead.
     */
    interface IAck extends doppel.Ack.$Properties {
    }

    /** Represents an Ack. */
    class Ack {

        /**
         * Constructs a new Ack.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Ack.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Ack receivedBytes. */
        receivedBytes: number;

        /** Ack appliedSeq. */
        appliedSeq: number;

        /**
         * Creates a new Ack instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Ack instance
         */
        static create(properties: doppel.Ack.$Shape): doppel.Ack & doppel.Ack.$Shape;
        static create(properties?: doppel.Ack.$Properties): doppel.Ack;

        /**
         * Encodes the specified Ack message. Does not implicitly {@link doppel.Ack.verify|verify} messages.
         * @param message Ack message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Ack & doppel.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Ack & doppel.Ack.$Shape;

        /**
         * Gets the type url for Ack
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ack {

        /** Properties of an Ack. */
        interface $Properties {

            /** Ack receivedBytes */
            receivedBytes?: (number|null);

            /** Ack appliedSeq */
            appliedSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Ack. */
        type $Shape = doppel.Ack.$Properties;
    }

    /**
     * Properties of a VerifyRequest.
     * @deprecated Use doppel.VerifyRequest.$Properties instead.
     */
    interface IVerifyRequest extends doppel.VerifyRequest.$Properties {
    }

    /** Represents a VerifyRequest. */
    class VerifyRequest {

        /**
         * Constructs a new VerifyRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.VerifyRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** VerifyRequest id. */
        id: number;

        /**
         * Creates a new VerifyRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns VerifyRequest instance
         */
        static create(properties: doppel.VerifyRequest.$Shape): doppel.VerifyRequest & doppel.VerifyRequest.$Shape;
        static create(properties?: doppel.VerifyRequest.$Properties): doppel.VerifyRequest;

        /**
         * Encodes the specified VerifyRequest message. Does not implicitly {@link doppel.VerifyRequest.verify|verify} messages.
         * @param message VerifyRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.VerifyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a VerifyRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.VerifyRequest & doppel.VerifyRequest.$Shape} VerifyRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.VerifyRequest & doppel.VerifyRequest.$Shape;

        /**
         * Gets the type url for VerifyRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace VerifyRequest {

        /** Properties of a VerifyRequest. */
        interface $Properties {

            /** VerifyRequest id */
            id?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a VerifyRequest. */
        type $Shape = doppel.VerifyRequest.$Properties;
    }

    /**
     * Properties of a Handover.
     * @deprecated Use doppel.Handover.$Properties instead.
     */
    interface IHandover extends doppel.Handover.$Properties {
    }

    /** Represents a Handover. */
    class Handover {

        /**
         * Constructs a new Handover.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.Handover.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Handover generation. */
        generation: number;

        /** Handover ack. */
        ack: boolean;

        /**
         * Creates a new Handover instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Handover instance
         */
        static create(properties: doppel.Handover.$Shape): doppel.Handover & doppel.Handover.$Shape;
        static create(properties?: doppel.Handover.$Properties): doppel.Handover;

        /**
         * Encodes the specified Handover message. Does not implicitly {@link doppel.Handover.verify|verify} messages.
         * @param message Handover message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.Handover.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Handover message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.Handover & doppel.Handover.$Shape} Handover
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.Handover & doppel.Handover.$Shape;

        /**
         * Gets the type url for Handover
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Handover {

        /** Properties of a Handover. */
        interface $Properties {

            /** Handover generation */
            generation?: (number|null);

            /** Handover ack */
            ack?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Handover. */
        type $Shape = doppel.Handover.$Properties;
    }

    /**
     * Properties of a ReplicateFrame.
     * @deprecated Use doppel.ReplicateFrame.$Properties instead.
     */
    interface IReplicateFrame extends doppel.ReplicateFrame.$Properties {
    }

    /** Represents a ReplicateFrame. */
    class ReplicateFrame {

        /**
         * Constructs a new ReplicateFrame.
         * @param [properties] Properties to set
         */
        constructor(properties?: doppel.ReplicateFrame.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReplicateFrame offer. */
        offer?: (doppel.Offer.$Properties|null);

        /** ReplicateFrame offerReply. */
        offerReply?: (doppel.OfferReply.$Properties|null);

        /** ReplicateFrame index. */
        index?: (doppel.IndexChunk.$Properties|null);

        /** ReplicateFrame batch. */
        batch?: (doppel.Batch.$Properties|null);

        /** ReplicateFrame ack. */
        ack?: (doppel.Ack.$Properties|null);

        /** ReplicateFrame verify. */
        verify?: (doppel.VerifyRequest.$Properties|null);

        /** ReplicateFrame failure. */
        failure?: (doppel.Failure.$Properties|null);

        /** ReplicateFrame handover. */
        handover?: (doppel.Handover.$Properties|null);

        /** ReplicateFrame body. */
        body?: ("offer"|"offerReply"|"index"|"batch"|"ack"|"verify"|"failure"|"handover");

        /**
         * Creates a new ReplicateFrame instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ReplicateFrame instance
         */
        static create(properties: doppel.ReplicateFrame.$Shape): doppel.ReplicateFrame & doppel.ReplicateFrame.$Shape;
        static create(properties?: doppel.ReplicateFrame.$Properties): doppel.ReplicateFrame;

        /**
         * Encodes the specified ReplicateFrame message. Does not implicitly {@link doppel.ReplicateFrame.verify|verify} messages.
         * @param message ReplicateFrame message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: doppel.ReplicateFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReplicateFrame message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {doppel.ReplicateFrame & doppel.ReplicateFrame.$Shape} ReplicateFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): doppel.ReplicateFrame & doppel.ReplicateFrame.$Shape;

        /**
         * Gets the type url for ReplicateFrame
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ReplicateFrame {

        /** Properties of a ReplicateFrame. */
        interface $Properties {

            /** ReplicateFrame offer */
            offer?: (doppel.Offer.$Properties|null);

            /** ReplicateFrame offerReply */
            offerReply?: (doppel.OfferReply.$Properties|null);

            /** ReplicateFrame index */
            index?: (doppel.IndexChunk.$Properties|null);

            /** ReplicateFrame batch */
            batch?: (doppel.Batch.$Properties|null);

            /** ReplicateFrame ack */
            ack?: (doppel.Ack.$Properties|null);

            /** ReplicateFrame verify */
            verify?: (doppel.VerifyRequest.$Properties|null);

            /** ReplicateFrame failure */
            failure?: (doppel.Failure.$Properties|null);

            /** ReplicateFrame handover */
            handover?: (doppel.Handover.$Properties|null);

            /** ReplicateFrame body */
            body?: ("offer"|"offerReply"|"index"|"batch"|"ack"|"verify"|"failure"|"handover");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a ReplicateFrame. */
        type $Shape = {
          offer?: doppel.Offer.$Shape|null;
          offerReply?: doppel.OfferReply.$Shape|null;
          index?: doppel.IndexChunk.$Shape|null;
          batch?: doppel.Batch.$Shape|null;
          ack?: doppel.Ack.$Shape|null;
          verify?: doppel.VerifyRequest.$Shape|null;
          failure?: doppel.Failure.$Shape|null;
          handover?: doppel.Handover.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "offer"; offer: doppel.Offer.$Shape; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "offerReply"; offer?: null; offerReply: doppel.OfferReply.$Shape; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "index"; offer?: null; offerReply?: null; index: doppel.IndexChunk.$Shape; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "batch"; offer?: null; offerReply?: null; index?: null; batch: doppel.Batch.$Shape; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "ack"; offer?: null; offerReply?: null; index?: null; batch?: null; ack: doppel.Ack.$Shape; verify?: null; failure?: null; handover?: null }|{ body?: "verify"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify: doppel.VerifyRequest.$Shape; failure?: null; handover?: null }|{ body?: "failure"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure: doppel.Failure.$Shape; handover?: null }|{ body?: "handover"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover: doppel.Handover.$Shape })
        );
    }
}
