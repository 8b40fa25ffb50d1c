/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const doppel = $root.doppel = (() => {

    /**
     * Namespace doppel.
     * @exports doppel
     * @namespace
     */
    const doppel = {};

    doppel.Hello = (function() {

        /**
         * Properties of a Hello.
         * @typedef {Object} doppel.Hello.$Properties
         * @property {number|null} [protocolVersion] Hello protocolVersion
         * @property {string|null} [name] Hello name
         * @property {string|null} [software] Hello software
         * @property {number|null} [timeMs] Hello timeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Hello.
         * @memberof doppel
         * @interface IHello
         * @augments doppel.Hello.$Properties
         * @deprecated Use doppel.Hello.$Properties instead.
         */

        /**
         * Shape of a Hello.
         * @typedef {doppel.Hello.$Properties} doppel.Hello.$Shape
         */

        /**
         * Constructs a new Hello.
         * @memberof doppel
         * @classdesc Represents a Hello.
         * @constructor
         * @param {doppel.Hello.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Hello = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Hello protocolVersion.
         * @member {number} protocolVersion
         * @memberof doppel.Hello
         * @instance
         */
        Hello.prototype.protocolVersion = 0;

        /**
         * Hello name.
         * @member {string} name
         * @memberof doppel.Hello
         * @instance
         */
        Hello.prototype.name = "";

        /**
         * Hello software.
         * @member {string} software
         * @memberof doppel.Hello
         * @instance
         */
        Hello.prototype.software = "";

        /**
         * Hello timeMs.
         * @member {number} timeMs
         * @memberof doppel.Hello
         * @instance
         */
        Hello.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Hello instance using the specified properties.
         * @function create
         * @memberof doppel.Hello
         * @static
         * @param {doppel.Hello.$Properties=} [properties] Properties to set
         * @returns {doppel.Hello} Hello instance
         * @type {{
         *   (properties: doppel.Hello.$Shape): doppel.Hello & doppel.Hello.$Shape;
         *   (properties?: doppel.Hello.$Properties): doppel.Hello;
         * }}
         */
        Hello.create = function(properties) {
            return new Hello(properties);
        };

        /**
         * Encodes the specified Hello message. Does not implicitly {@link doppel.Hello.verify|verify} messages.
         * @function encode
         * @memberof doppel.Hello
         * @static
         * @param {doppel.Hello.$Properties} message Hello message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Hello.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
            if (message.software != null && $Object.hasOwnProperty.call(message, "software") && message.software !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.software);
            if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.timeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Hello message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Hello
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Hello & doppel.Hello.$Shape} Hello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Hello.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Hello();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.protocolVersion = value;
                        else
                            delete message.protocolVersion;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.software = value;
                        else
                            delete message.software;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timeMs = value;
                        else
                            delete message.timeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Hello
         * @function getTypeUrl
         * @memberof doppel.Hello
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Hello.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Hello";
        };

        return Hello;
    })();

    doppel.Heartbeat = (function() {

        /**
         * Properties of a Heartbeat.
         * @typedef {Object} doppel.Heartbeat.$Properties
         * @property {number|null} [seq] Heartbeat seq
         * @property {number|null} [timeMs] Heartbeat timeMs
         * @property {boolean|null} [reply] Heartbeat reply
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Heartbeat.
         * @memberof doppel
         * @interface IHeartbeat
         * @augments doppel.Heartbeat.$Properties
         * @deprecated Use doppel.Heartbeat.$Properties instead.
         */

        /**
         * Shape of a Heartbeat.
         * @typedef {doppel.Heartbeat.$Properties} doppel.Heartbeat.$Shape
         */

        /**
         * Constructs a new Heartbeat.
         * @memberof doppel
         * @classdesc Represents a Heartbeat.
         * @constructor
         * @param {doppel.Heartbeat.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Heartbeat = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Heartbeat seq.
         * @member {number} seq
         * @memberof doppel.Heartbeat
         * @instance
         */
        Heartbeat.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Heartbeat timeMs.
         * @member {number} timeMs
         * @memberof doppel.Heartbeat
         * @instance
         */
        Heartbeat.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Heartbeat reply.
         * @member {boolean} reply
         * @memberof doppel.Heartbeat
         * @instance
         */
        Heartbeat.prototype.reply = false;

        /**
         * Creates a new Heartbeat instance using the specified properties.
         * @function create
         * @memberof doppel.Heartbeat
         * @static
         * @param {doppel.Heartbeat.$Properties=} [properties] Properties to set
         * @returns {doppel.Heartbeat} Heartbeat instance
         * @type {{
         *   (properties: doppel.Heartbeat.$Shape): doppel.Heartbeat & doppel.Heartbeat.$Shape;
         *   (properties?: doppel.Heartbeat.$Properties): doppel.Heartbeat;
         * }}
         */
        Heartbeat.create = function(properties) {
            return new Heartbeat(properties);
        };

        /**
         * Encodes the specified Heartbeat message. Does not implicitly {@link doppel.Heartbeat.verify|verify} messages.
         * @function encode
         * @memberof doppel.Heartbeat
         * @static
         * @param {doppel.Heartbeat.$Properties} message Heartbeat message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Heartbeat.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
            if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeMs);
            if (message.reply != null && $Object.hasOwnProperty.call(message, "reply") && message.reply !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.reply);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Heartbeat message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Heartbeat
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Heartbeat & doppel.Heartbeat.$Shape} Heartbeat
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Heartbeat.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Heartbeat();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timeMs = value;
                        else
                            delete message.timeMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.reply = value;
                        else
                            delete message.reply;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Heartbeat
         * @function getTypeUrl
         * @memberof doppel.Heartbeat
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Heartbeat.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Heartbeat";
        };

        return Heartbeat;
    })();

    doppel.WitnessQuery = (function() {

        /**
         * Properties of a WitnessQuery.
         * @typedef {Object} doppel.WitnessQuery.$Properties
         * @property {number|null} [id] WitnessQuery id
         * @property {string|null} [peerId] WitnessQuery peerId
         * @property {number|null} [withinMs] WitnessQuery withinMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WitnessQuery.
         * @memberof doppel
         * @interface IWitnessQuery
         * @augments doppel.WitnessQuery.$Properties
         * @deprecated Use doppel.WitnessQuery.$Properties instead.
         */

        /**
         * Shape of a WitnessQuery.
         * @typedef {doppel.WitnessQuery.$Properties} doppel.WitnessQuery.$Shape
         */

        /**
         * Constructs a new WitnessQuery.
         * @memberof doppel
         * @classdesc Represents a WitnessQuery.
         * @constructor
         * @param {doppel.WitnessQuery.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WitnessQuery = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WitnessQuery id.
         * @member {number} id
         * @memberof doppel.WitnessQuery
         * @instance
         */
        WitnessQuery.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WitnessQuery peerId.
         * @member {string} peerId
         * @memberof doppel.WitnessQuery
         * @instance
         */
        WitnessQuery.prototype.peerId = "";

        /**
         * WitnessQuery withinMs.
         * @member {number} withinMs
         * @memberof doppel.WitnessQuery
         * @instance
         */
        WitnessQuery.prototype.withinMs = 0;

        /**
         * Creates a new WitnessQuery instance using the specified properties.
         * @function create
         * @memberof doppel.WitnessQuery
         * @static
         * @param {doppel.WitnessQuery.$Properties=} [properties] Properties to set
         * @returns {doppel.WitnessQuery} WitnessQuery instance
         * @type {{
         *   (properties: doppel.WitnessQuery.$Shape): doppel.WitnessQuery & doppel.WitnessQuery.$Shape;
         *   (properties?: doppel.WitnessQuery.$Properties): doppel.WitnessQuery;
         * }}
         */
        WitnessQuery.create = function(properties) {
            return new WitnessQuery(properties);
        };

        /**
         * Encodes the specified WitnessQuery message. Does not implicitly {@link doppel.WitnessQuery.verify|verify} messages.
         * @function encode
         * @memberof doppel.WitnessQuery
         * @static
         * @param {doppel.WitnessQuery.$Properties} message WitnessQuery message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WitnessQuery.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.peerId);
            if (message.withinMs != null && $Object.hasOwnProperty.call(message, "withinMs") && message.withinMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.withinMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WitnessQuery message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.WitnessQuery
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.WitnessQuery & doppel.WitnessQuery.$Shape} WitnessQuery
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WitnessQuery.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.WitnessQuery();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.peerId = value;
                        else
                            delete message.peerId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.withinMs = value;
                        else
                            delete message.withinMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WitnessQuery
         * @function getTypeUrl
         * @memberof doppel.WitnessQuery
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WitnessQuery.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.WitnessQuery";
        };

        return WitnessQuery;
    })();

    doppel.WitnessAnswer = (function() {

        /**
         * Properties of a WitnessAnswer.
         * @typedef {Object} doppel.WitnessAnswer.$Properties
         * @property {number|null} [id] WitnessAnswer id
         * @property {boolean|null} [reachable] WitnessAnswer reachable
         * @property {number|null} [lastSeenAgoMs] WitnessAnswer lastSeenAgoMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a WitnessAnswer.
         * @memberof doppel
         * @interface IWitnessAnswer
         * @augments doppel.WitnessAnswer.$Properties
         * @deprecated Use doppel.WitnessAnswer.$Properties instead.
         */

        /**
         * Shape of a WitnessAnswer.
         * @typedef {doppel.WitnessAnswer.$Properties} doppel.WitnessAnswer.$Shape
         */

        /**
         * Constructs a new WitnessAnswer.
         * @memberof doppel
         * @classdesc Represents a WitnessAnswer.
         * @constructor
         * @param {doppel.WitnessAnswer.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const WitnessAnswer = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * WitnessAnswer id.
         * @member {number} id
         * @memberof doppel.WitnessAnswer
         * @instance
         */
        WitnessAnswer.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * WitnessAnswer reachable.
         * @member {boolean} reachable
         * @memberof doppel.WitnessAnswer
         * @instance
         */
        WitnessAnswer.prototype.reachable = false;

        /**
         * WitnessAnswer lastSeenAgoMs.
         * @member {number} lastSeenAgoMs
         * @memberof doppel.WitnessAnswer
         * @instance
         */
        WitnessAnswer.prototype.lastSeenAgoMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new WitnessAnswer instance using the specified properties.
         * @function create
         * @memberof doppel.WitnessAnswer
         * @static
         * @param {doppel.WitnessAnswer.$Properties=} [properties] Properties to set
         * @returns {doppel.WitnessAnswer} WitnessAnswer instance
         * @type {{
         *   (properties: doppel.WitnessAnswer.$Shape): doppel.WitnessAnswer & doppel.WitnessAnswer.$Shape;
         *   (properties?: doppel.WitnessAnswer.$Properties): doppel.WitnessAnswer;
         * }}
         */
        WitnessAnswer.create = function(properties) {
            return new WitnessAnswer(properties);
        };

        /**
         * Encodes the specified WitnessAnswer message. Does not implicitly {@link doppel.WitnessAnswer.verify|verify} messages.
         * @function encode
         * @memberof doppel.WitnessAnswer
         * @static
         * @param {doppel.WitnessAnswer.$Properties} message WitnessAnswer message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        WitnessAnswer.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
            if (message.reachable != null && $Object.hasOwnProperty.call(message, "reachable") && message.reachable !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.reachable);
            if (message.lastSeenAgoMs != null && $Object.hasOwnProperty.call(message, "lastSeenAgoMs") && (typeof message.lastSeenAgoMs === "object" ? message.lastSeenAgoMs.low || message.lastSeenAgoMs.high : message.lastSeenAgoMs !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.lastSeenAgoMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a WitnessAnswer message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.WitnessAnswer
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.WitnessAnswer & doppel.WitnessAnswer.$Shape} WitnessAnswer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        WitnessAnswer.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.WitnessAnswer();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.reachable = value;
                        else
                            delete message.reachable;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.lastSeenAgoMs = value;
                        else
                            delete message.lastSeenAgoMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for WitnessAnswer
         * @function getTypeUrl
         * @memberof doppel.WitnessAnswer
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        WitnessAnswer.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.WitnessAnswer";
        };

        return WitnessAnswer;
    })();

    doppel.PeerFrame = (function() {

        /**
         * Properties of a PeerFrame.
         * @typedef {Object} doppel.PeerFrame.$Properties
         * @property {doppel.Hello.$Properties|null} [hello] PeerFrame hello
         * @property {doppel.Heartbeat.$Properties|null} [heartbeat] PeerFrame heartbeat
         * @property {doppel.Failure.$Properties|null} [failure] PeerFrame failure
         * @property {doppel.WitnessQuery.$Properties|null} [witnessQuery] PeerFrame witnessQuery
         * @property {doppel.WitnessAnswer.$Properties|null} [witnessAnswer] PeerFrame witnessAnswer
         * @property {"hello"|"heartbeat"|"failure"|"witnessQuery"|"witnessAnswer"} [body] PeerFrame body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PeerFrame.
         * @memberof doppel
         * @interface IPeerFrame
         * @augments doppel.PeerFrame.$Properties
         * @deprecated Use doppel.PeerFrame.$Properties instead.
         */

        /**
         * Narrowed shape of a PeerFrame.
         * @typedef {{
         *   hello?: doppel.Hello.$Shape|null;
         *   heartbeat?: doppel.Heartbeat.$Shape|null;
         *   failure?: doppel.Failure.$Shape|null;
         *   witnessQuery?: doppel.WitnessQuery.$Shape|null;
         *   witnessAnswer?: doppel.WitnessAnswer.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; hello?: null; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "hello"; hello: doppel.Hello.$Shape; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "heartbeat"; hello?: null; heartbeat: doppel.Heartbeat.$Shape; failure?: null; witnessQuery?: null; witnessAnswer?: null }|{ body?: "failure"; hello?: null; heartbeat?: null; failure: doppel.Failure.$Shape; witnessQuery?: null; witnessAnswer?: null }|{ body?: "witnessQuery"; hello?: null; heartbeat?: null; failure?: null; witnessQuery: doppel.WitnessQuery.$Shape; witnessAnswer?: null }|{ body?: "witnessAnswer"; hello?: null; heartbeat?: null; failure?: null; witnessQuery?: null; witnessAnswer: doppel.WitnessAnswer.$Shape })
         * )} doppel.PeerFrame.$Shape
         */

        /**
         * Constructs a new PeerFrame.
         * @memberof doppel
         * @classdesc Represents a PeerFrame.
         * @constructor
         * @param {doppel.PeerFrame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PeerFrame = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PeerFrame hello.
         * @member {doppel.Hello.$Properties|null|undefined} hello
         * @memberof doppel.PeerFrame
         * @instance
         */
        PeerFrame.prototype.hello = null;

        /**
         * PeerFrame heartbeat.
         * @member {doppel.Heartbeat.$Properties|null|undefined} heartbeat
         * @memberof doppel.PeerFrame
         * @instance
         */
        PeerFrame.prototype.heartbeat = null;

        /**
         * PeerFrame failure.
         * @member {doppel.Failure.$Properties|null|undefined} failure
         * @memberof doppel.PeerFrame
         * @instance
         */
        PeerFrame.prototype.failure = null;

        /**
         * PeerFrame witnessQuery.
         * @member {doppel.WitnessQuery.$Properties|null|undefined} witnessQuery
         * @memberof doppel.PeerFrame
         * @instance
         */
        PeerFrame.prototype.witnessQuery = null;

        /**
         * PeerFrame witnessAnswer.
         * @member {doppel.WitnessAnswer.$Properties|null|undefined} witnessAnswer
         * @memberof doppel.PeerFrame
         * @instance
         */
        PeerFrame.prototype.witnessAnswer = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * PeerFrame body.
         * @member {"hello"|"heartbeat"|"failure"|"witnessQuery"|"witnessAnswer"|undefined} body
         * @memberof doppel.PeerFrame
         * @instance
         */
        $Object.defineProperty(PeerFrame.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["hello", "heartbeat", "failure", "witnessQuery", "witnessAnswer"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new PeerFrame instance using the specified properties.
         * @function create
         * @memberof doppel.PeerFrame
         * @static
         * @param {doppel.PeerFrame.$Properties=} [properties] Properties to set
         * @returns {doppel.PeerFrame} PeerFrame instance
         * @type {{
         *   (properties: doppel.PeerFrame.$Shape): doppel.PeerFrame & doppel.PeerFrame.$Shape;
         *   (properties?: doppel.PeerFrame.$Properties): doppel.PeerFrame;
         * }}
         */
        PeerFrame.create = function(properties) {
            return new PeerFrame(properties);
        };

        /**
         * Encodes the specified PeerFrame message. Does not implicitly {@link doppel.PeerFrame.verify|verify} messages.
         * @function encode
         * @memberof doppel.PeerFrame
         * @static
         * @param {doppel.PeerFrame.$Properties} message PeerFrame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PeerFrame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                $root.doppel.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                $root.doppel.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                $root.doppel.Failure.encode(message.failure, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.witnessQuery != null && $Object.hasOwnProperty.call(message, "witnessQuery"))
                $root.doppel.WitnessQuery.encode(message.witnessQuery, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.witnessAnswer != null && $Object.hasOwnProperty.call(message, "witnessAnswer"))
                $root.doppel.WitnessAnswer.encode(message.witnessAnswer, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PeerFrame message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.PeerFrame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.PeerFrame & doppel.PeerFrame.$Shape} PeerFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PeerFrame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.PeerFrame();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.hello = $root.doppel.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                        message.body = "hello";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.heartbeat = $root.doppel.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                        message.body = "heartbeat";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.failure = $root.doppel.Failure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                        message.body = "failure";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.witnessQuery = $root.doppel.WitnessQuery.decode(reader, reader.size(), $undefined, _depth + 1, message.witnessQuery);
                        message.body = "witnessQuery";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.witnessAnswer = $root.doppel.WitnessAnswer.decode(reader, reader.size(), $undefined, _depth + 1, message.witnessAnswer);
                        message.body = "witnessAnswer";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for PeerFrame
         * @function getTypeUrl
         * @memberof doppel.PeerFrame
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        PeerFrame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.PeerFrame";
        };

        return PeerFrame;
    })();

    doppel.Failure = (function() {

        /**
         * Properties of a Failure.
         * @typedef {Object} doppel.Failure.$Properties
         * @property {string|null} [code] Failure code
         * @property {string|null} [message] Failure message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Failure.
         * @memberof doppel
         * @interface IFailure
         * @augments doppel.Failure.$Properties
         * @deprecated Use doppel.Failure.$Properties instead.
         */

        /**
         * Shape of a Failure.
         * @typedef {doppel.Failure.$Properties} doppel.Failure.$Shape
         */

        /**
         * Constructs a new Failure.
         * @memberof doppel
         * @classdesc Represents a Failure.
         * @constructor
         * @param {doppel.Failure.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Failure = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Failure code.
         * @member {string} code
         * @memberof doppel.Failure
         * @instance
         */
        Failure.prototype.code = "";

        /**
         * Failure message.
         * @member {string} message
         * @memberof doppel.Failure
         * @instance
         */
        Failure.prototype.message = "";

        /**
         * Creates a new Failure instance using the specified properties.
         * @function create
         * @memberof doppel.Failure
         * @static
         * @param {doppel.Failure.$Properties=} [properties] Properties to set
         * @returns {doppel.Failure} Failure instance
         * @type {{
         *   (properties: doppel.Failure.$Shape): doppel.Failure & doppel.Failure.$Shape;
         *   (properties?: doppel.Failure.$Properties): doppel.Failure;
         * }}
         */
        Failure.create = function(properties) {
            return new Failure(properties);
        };

        /**
         * Encodes the specified Failure message. Does not implicitly {@link doppel.Failure.verify|verify} messages.
         * @function encode
         * @memberof doppel.Failure
         * @static
         * @param {doppel.Failure.$Properties} message Failure message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Failure.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Failure message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Failure
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Failure & doppel.Failure.$Shape} Failure
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Failure.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Failure();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Failure
         * @function getTypeUrl
         * @memberof doppel.Failure
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Failure.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Failure";
        };

        return Failure;
    })();

    /**
     * Kind enum.
     * @name doppel.Kind
     * @enum {number}
     * @property {number} KIND_TREE=0 KIND_TREE value
     * @property {number} KIND_FILE=1 KIND_FILE value
     * @property {number} KIND_DEVICE=2 KIND_DEVICE value
     */
    doppel.Kind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "KIND_TREE"] = 0;
        values[valuesById[1] = "KIND_FILE"] = 1;
        values[valuesById[2] = "KIND_DEVICE"] = 2;
        return values;
    })();

    doppel.Offer = (function() {

        /**
         * Properties of an Offer.
         * @typedef {Object} doppel.Offer.$Properties
         * @property {number|null} [protocolVersion] Offer protocolVersion
         * @property {string|null} [protection] Offer protection
         * @property {doppel.Kind|null} [kind] Offer kind
         * @property {number|null} [generation] Offer generation
         * @property {number|null} [blockSize] Offer blockSize
         * @property {number|null} [totalBytes] Offer totalBytes
         * @property {boolean|null} [compress] Offer compress
         * @property {string|null} [sourceName] Offer sourceName
         * @property {boolean|null} [reverse] Offer reverse
         * @property {boolean|null} [failback] Offer failback
         * @property {string|null} [failoverMode] Offer failoverMode
         * @property {number|null} [heartbeatMs] Offer heartbeatMs
         * @property {number|null} [missed] Offer missed
         * @property {boolean|null} [diverged] Offer diverged
         * @property {number|null} [divergedFiles] Offer divergedFiles
         * @property {number|null} [divergedBytes] Offer divergedBytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Offer.
         * @memberof doppel
         * @interface IOffer
         * @augments doppel.Offer.$Properties
         * @deprecated Use doppel.Offer.$Properties instead.
         */

        /**
         * Shape of an Offer.
         * @typedef {doppel.Offer.$Properties} doppel.Offer.$Shape
         */

        /**
         * Constructs a new Offer.
         * @memberof doppel
         * @classdesc Represents an Offer.
         * @constructor
         * @param {doppel.Offer.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Offer = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Offer protocolVersion.
         * @member {number} protocolVersion
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.protocolVersion = 0;

        /**
         * Offer protection.
         * @member {string} protection
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.protection = "";

        /**
         * Offer kind.
         * @member {doppel.Kind} kind
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.kind = 0;

        /**
         * Offer generation.
         * @member {number} generation
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Offer blockSize.
         * @member {number} blockSize
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.blockSize = 0;

        /**
         * Offer totalBytes.
         * @member {number} totalBytes
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.totalBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Offer compress.
         * @member {boolean} compress
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.compress = false;

        /**
         * Offer sourceName.
         * @member {string} sourceName
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.sourceName = "";

        /**
         * Offer reverse.
         * @member {boolean} reverse
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.reverse = false;

        /**
         * Offer failback.
         * @member {boolean} failback
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.failback = false;

        /**
         * Offer failoverMode.
         * @member {string} failoverMode
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.failoverMode = "";

        /**
         * Offer heartbeatMs.
         * @member {number} heartbeatMs
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.heartbeatMs = 0;

        /**
         * Offer missed.
         * @member {number} missed
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.missed = 0;

        /**
         * Offer diverged.
         * @member {boolean} diverged
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.diverged = false;

        /**
         * Offer divergedFiles.
         * @member {number} divergedFiles
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.divergedFiles = 0;

        /**
         * Offer divergedBytes.
         * @member {number} divergedBytes
         * @memberof doppel.Offer
         * @instance
         */
        Offer.prototype.divergedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Offer instance using the specified properties.
         * @function create
         * @memberof doppel.Offer
         * @static
         * @param {doppel.Offer.$Properties=} [properties] Properties to set
         * @returns {doppel.Offer} Offer instance
         * @type {{
         *   (properties: doppel.Offer.$Shape): doppel.Offer & doppel.Offer.$Shape;
         *   (properties?: doppel.Offer.$Properties): doppel.Offer;
         * }}
         */
        Offer.create = function(properties) {
            return new Offer(properties);
        };

        /**
         * Encodes the specified Offer message. Does not implicitly {@link doppel.Offer.verify|verify} messages.
         * @function encode
         * @memberof doppel.Offer
         * @static
         * @param {doppel.Offer.$Properties} message Offer message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Offer.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
            if (message.protection != null && $Object.hasOwnProperty.call(message, "protection") && message.protection !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.protection);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.kind);
            if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && (typeof message.generation === "object" ? message.generation.low || message.generation.high : message.generation !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.generation);
            if (message.blockSize != null && $Object.hasOwnProperty.call(message, "blockSize") && message.blockSize !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.blockSize);
            if (message.totalBytes != null && $Object.hasOwnProperty.call(message, "totalBytes") && (typeof message.totalBytes === "object" ? message.totalBytes.low || message.totalBytes.high : message.totalBytes !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.totalBytes);
            if (message.compress != null && $Object.hasOwnProperty.call(message, "compress") && message.compress !== false)
                writer.uint32(/* id 7, wireType 0 =*/56).bool(message.compress);
            if (message.sourceName != null && $Object.hasOwnProperty.call(message, "sourceName") && message.sourceName !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.sourceName);
            if (message.reverse != null && $Object.hasOwnProperty.call(message, "reverse") && message.reverse !== false)
                writer.uint32(/* id 9, wireType 0 =*/72).bool(message.reverse);
            if (message.failback != null && $Object.hasOwnProperty.call(message, "failback") && message.failback !== false)
                writer.uint32(/* id 10, wireType 0 =*/80).bool(message.failback);
            if (message.failoverMode != null && $Object.hasOwnProperty.call(message, "failoverMode") && message.failoverMode !== "")
                writer.uint32(/* id 11, wireType 2 =*/90).string(message.failoverMode);
            if (message.heartbeatMs != null && $Object.hasOwnProperty.call(message, "heartbeatMs") && message.heartbeatMs !== 0)
                writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.heartbeatMs);
            if (message.missed != null && $Object.hasOwnProperty.call(message, "missed") && message.missed !== 0)
                writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.missed);
            if (message.diverged != null && $Object.hasOwnProperty.call(message, "diverged") && message.diverged !== false)
                writer.uint32(/* id 14, wireType 0 =*/112).bool(message.diverged);
            if (message.divergedFiles != null && $Object.hasOwnProperty.call(message, "divergedFiles") && message.divergedFiles !== 0)
                writer.uint32(/* id 15, wireType 0 =*/120).uint32(message.divergedFiles);
            if (message.divergedBytes != null && $Object.hasOwnProperty.call(message, "divergedBytes") && (typeof message.divergedBytes === "object" ? message.divergedBytes.low || message.divergedBytes.high : message.divergedBytes !== 0))
                writer.uint32(/* id 16, wireType 0 =*/128).uint64(message.divergedBytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Offer message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Offer
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Offer & doppel.Offer.$Shape} Offer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Offer.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Offer();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.protocolVersion = value;
                        else
                            delete message.protocolVersion;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.protection = value;
                        else
                            delete message.protection;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.generation = value;
                        else
                            delete message.generation;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.blockSize = value;
                        else
                            delete message.blockSize;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.totalBytes = value;
                        else
                            delete message.totalBytes;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.compress = value;
                        else
                            delete message.compress;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sourceName = value;
                        else
                            delete message.sourceName;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.reverse = value;
                        else
                            delete message.reverse;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.failback = value;
                        else
                            delete message.failback;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.failoverMode = value;
                        else
                            delete message.failoverMode;
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.heartbeatMs = value;
                        else
                            delete message.heartbeatMs;
                        continue;
                    }
                case 13: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.missed = value;
                        else
                            delete message.missed;
                        continue;
                    }
                case 14: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.diverged = value;
                        else
                            delete message.diverged;
                        continue;
                    }
                case 15: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.divergedFiles = value;
                        else
                            delete message.divergedFiles;
                        continue;
                    }
                case 16: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.divergedBytes = value;
                        else
                            delete message.divergedBytes;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Offer
         * @function getTypeUrl
         * @memberof doppel.Offer
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Offer.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Offer";
        };

        return Offer;
    })();

    doppel.OfferReply = (function() {

        /**
         * Properties of an OfferReply.
         * @typedef {Object} doppel.OfferReply.$Properties
         * @property {boolean|null} [accepted] OfferReply accepted
         * @property {string|null} [code] OfferReply code
         * @property {string|null} [reason] OfferReply reason
         * @property {number|null} [generation] OfferReply generation
         * @property {number|null} [appliedSeq] OfferReply appliedSeq
         * @property {number|null} [divergedFiles] OfferReply divergedFiles
         * @property {number|null} [divergedBytes] OfferReply divergedBytes
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an OfferReply.
         * @memberof doppel
         * @interface IOfferReply
         * @augments doppel.OfferReply.$Properties
         * @deprecated Use doppel.OfferReply.$Properties instead.
         */

        /**
         * Shape of an OfferReply.
         * @typedef {doppel.OfferReply.$Properties} doppel.OfferReply.$Shape
         */

        /**
         * Constructs a new OfferReply.
         * @memberof doppel
         * @classdesc Represents an OfferReply.
         * @constructor
         * @param {doppel.OfferReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const OfferReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * OfferReply accepted.
         * @member {boolean} accepted
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.accepted = false;

        /**
         * OfferReply code.
         * @member {string} code
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.code = "";

        /**
         * OfferReply reason.
         * @member {string} reason
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.reason = "";

        /**
         * OfferReply generation.
         * @member {number} generation
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * OfferReply appliedSeq.
         * @member {number} appliedSeq
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.appliedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * OfferReply divergedFiles.
         * @member {number} divergedFiles
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.divergedFiles = 0;

        /**
         * OfferReply divergedBytes.
         * @member {number} divergedBytes
         * @memberof doppel.OfferReply
         * @instance
         */
        OfferReply.prototype.divergedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new OfferReply instance using the specified properties.
         * @function create
         * @memberof doppel.OfferReply
         * @static
         * @param {doppel.OfferReply.$Properties=} [properties] Properties to set
         * @returns {doppel.OfferReply} OfferReply instance
         * @type {{
         *   (properties: doppel.OfferReply.$Shape): doppel.OfferReply & doppel.OfferReply.$Shape;
         *   (properties?: doppel.OfferReply.$Properties): doppel.OfferReply;
         * }}
         */
        OfferReply.create = function(properties) {
            return new OfferReply(properties);
        };

        /**
         * Encodes the specified OfferReply message. Does not implicitly {@link doppel.OfferReply.verify|verify} messages.
         * @function encode
         * @memberof doppel.OfferReply
         * @static
         * @param {doppel.OfferReply.$Properties} message OfferReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        OfferReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.accepted);
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
            if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && (typeof message.generation === "object" ? message.generation.low || message.generation.high : message.generation !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.generation);
            if (message.appliedSeq != null && $Object.hasOwnProperty.call(message, "appliedSeq") && (typeof message.appliedSeq === "object" ? message.appliedSeq.low || message.appliedSeq.high : message.appliedSeq !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.appliedSeq);
            if (message.divergedFiles != null && $Object.hasOwnProperty.call(message, "divergedFiles") && message.divergedFiles !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.divergedFiles);
            if (message.divergedBytes != null && $Object.hasOwnProperty.call(message, "divergedBytes") && (typeof message.divergedBytes === "object" ? message.divergedBytes.low || message.divergedBytes.high : message.divergedBytes !== 0))
                writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.divergedBytes);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an OfferReply message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.OfferReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.OfferReply & doppel.OfferReply.$Shape} OfferReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        OfferReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.OfferReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.accepted = value;
                        else
                            delete message.accepted;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.generation = value;
                        else
                            delete message.generation;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.appliedSeq = value;
                        else
                            delete message.appliedSeq;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.divergedFiles = value;
                        else
                            delete message.divergedFiles;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.divergedBytes = value;
                        else
                            delete message.divergedBytes;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for OfferReply
         * @function getTypeUrl
         * @memberof doppel.OfferReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        OfferReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.OfferReply";
        };

        return OfferReply;
    })();

    /**
     * EntryType enum.
     * @name doppel.EntryType
     * @enum {number}
     * @property {number} ENTRY_FILE=0 ENTRY_FILE value
     * @property {number} ENTRY_DIR=1 ENTRY_DIR value
     * @property {number} ENTRY_SYMLINK=2 ENTRY_SYMLINK value
     */
    doppel.EntryType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "ENTRY_FILE"] = 0;
        values[valuesById[1] = "ENTRY_DIR"] = 1;
        values[valuesById[2] = "ENTRY_SYMLINK"] = 2;
        return values;
    })();

    doppel.IndexEntry = (function() {

        /**
         * Properties of an IndexEntry.
         * @typedef {Object} doppel.IndexEntry.$Properties
         * @property {string|null} [path] IndexEntry path
         * @property {doppel.EntryType|null} [type] IndexEntry type
         * @property {number|null} [size] IndexEntry size
         * @property {number|null} [mode] IndexEntry mode
         * @property {number|null} [mtimeMs] IndexEntry mtimeMs
         * @property {string|null} [linkTarget] IndexEntry linkTarget
         * @property {Uint8Array|null} [blockHashes] IndexEntry blockHashes
         * @property {boolean|null} [staged] IndexEntry staged
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an IndexEntry.
         * @memberof doppel
         * @interface IIndexEntry
         * @augments doppel.IndexEntry.$Properties
         * @deprecated Use doppel.IndexEntry.$Properties instead.
         */

        /**
         * Shape of an IndexEntry.
         * @typedef {doppel.IndexEntry.$Properties} doppel.IndexEntry.$Shape
         */

        /**
         * Constructs a new IndexEntry.
         * @memberof doppel
         * @classdesc Represents an IndexEntry.
         * @constructor
         * @param {doppel.IndexEntry.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const IndexEntry = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * IndexEntry path.
         * @member {string} path
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.path = "";

        /**
         * IndexEntry type.
         * @member {doppel.EntryType} type
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.type = 0;

        /**
         * IndexEntry size.
         * @member {number} size
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * IndexEntry mode.
         * @member {number} mode
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.mode = 0;

        /**
         * IndexEntry mtimeMs.
         * @member {number} mtimeMs
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * IndexEntry linkTarget.
         * @member {string} linkTarget
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.linkTarget = "";

        /**
         * IndexEntry blockHashes.
         * @member {Uint8Array} blockHashes
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.blockHashes = $util.newBuffer([]);

        /**
         * IndexEntry staged.
         * @member {boolean} staged
         * @memberof doppel.IndexEntry
         * @instance
         */
        IndexEntry.prototype.staged = false;

        /**
         * Creates a new IndexEntry instance using the specified properties.
         * @function create
         * @memberof doppel.IndexEntry
         * @static
         * @param {doppel.IndexEntry.$Properties=} [properties] Properties to set
         * @returns {doppel.IndexEntry} IndexEntry instance
         * @type {{
         *   (properties: doppel.IndexEntry.$Shape): doppel.IndexEntry & doppel.IndexEntry.$Shape;
         *   (properties?: doppel.IndexEntry.$Properties): doppel.IndexEntry;
         * }}
         */
        IndexEntry.create = function(properties) {
            return new IndexEntry(properties);
        };

        /**
         * Encodes the specified IndexEntry message. Does not implicitly {@link doppel.IndexEntry.verify|verify} messages.
         * @function encode
         * @memberof doppel.IndexEntry
         * @static
         * @param {doppel.IndexEntry.$Properties} message IndexEntry message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        IndexEntry.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.mode);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).int64(message.mtimeMs);
            if (message.linkTarget != null && $Object.hasOwnProperty.call(message, "linkTarget") && message.linkTarget !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.linkTarget);
            if (message.blockHashes != null && $Object.hasOwnProperty.call(message, "blockHashes") && message.blockHashes.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.blockHashes);
            if (message.staged != null && $Object.hasOwnProperty.call(message, "staged") && message.staged !== false)
                writer.uint32(/* id 8, wireType 0 =*/64).bool(message.staged);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an IndexEntry message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.IndexEntry
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.IndexEntry & doppel.IndexEntry.$Shape} IndexEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        IndexEntry.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.IndexEntry();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.linkTarget = value;
                        else
                            delete message.linkTarget;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.blockHashes = value;
                        else
                            delete message.blockHashes;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.staged = value;
                        else
                            delete message.staged;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for IndexEntry
         * @function getTypeUrl
         * @memberof doppel.IndexEntry
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        IndexEntry.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.IndexEntry";
        };

        return IndexEntry;
    })();

    doppel.IndexChunk = (function() {

        /**
         * Properties of an IndexChunk.
         * @typedef {Object} doppel.IndexChunk.$Properties
         * @property {Array.<doppel.IndexEntry.$Properties>|null} [entries] IndexChunk entries
         * @property {boolean|null} [last] IndexChunk last
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an IndexChunk.
         * @memberof doppel
         * @interface IIndexChunk
         * @augments doppel.IndexChunk.$Properties
         * @deprecated Use doppel.IndexChunk.$Properties instead.
         */

        /**
         * Shape of an IndexChunk.
         * @typedef {doppel.IndexChunk.$Properties} doppel.IndexChunk.$Shape
         */

        /**
         * Constructs a new IndexChunk.
         * @memberof doppel
         * @classdesc Represents an IndexChunk.
         * @constructor
         * @param {doppel.IndexChunk.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const IndexChunk = function (properties) {
            this.entries = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * IndexChunk entries.
         * @member {Array.<doppel.IndexEntry.$Properties>} entries
         * @memberof doppel.IndexChunk
         * @instance
         */
        IndexChunk.prototype.entries = $util.emptyArray;

        /**
         * IndexChunk last.
         * @member {boolean} last
         * @memberof doppel.IndexChunk
         * @instance
         */
        IndexChunk.prototype.last = false;

        /**
         * Creates a new IndexChunk instance using the specified properties.
         * @function create
         * @memberof doppel.IndexChunk
         * @static
         * @param {doppel.IndexChunk.$Properties=} [properties] Properties to set
         * @returns {doppel.IndexChunk} IndexChunk instance
         * @type {{
         *   (properties: doppel.IndexChunk.$Shape): doppel.IndexChunk & doppel.IndexChunk.$Shape;
         *   (properties?: doppel.IndexChunk.$Properties): doppel.IndexChunk;
         * }}
         */
        IndexChunk.create = function(properties) {
            return new IndexChunk(properties);
        };

        /**
         * Encodes the specified IndexChunk message. Does not implicitly {@link doppel.IndexChunk.verify|verify} messages.
         * @function encode
         * @memberof doppel.IndexChunk
         * @static
         * @param {doppel.IndexChunk.$Properties} message IndexChunk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        IndexChunk.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.entries != null && message.entries.length)
                for (let i = 0; i < message.entries.length; ++i)
                    $root.doppel.IndexEntry.encode(message.entries[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.last != null && $Object.hasOwnProperty.call(message, "last") && message.last !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.last);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an IndexChunk message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.IndexChunk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.IndexChunk & doppel.IndexChunk.$Shape} IndexChunk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        IndexChunk.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.IndexChunk();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.entries && message.entries.length))
                            message.entries = [];
                        message.entries.push($root.doppel.IndexEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.last = value;
                        else
                            delete message.last;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for IndexChunk
         * @function getTypeUrl
         * @memberof doppel.IndexChunk
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        IndexChunk.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.IndexChunk";
        };

        return IndexChunk;
    })();

    doppel.MkDir = (function() {

        /**
         * Properties of a MkDir.
         * @typedef {Object} doppel.MkDir.$Properties
         * @property {string|null} [path] MkDir path
         * @property {number|null} [mode] MkDir mode
         * @property {number|null} [mtimeMs] MkDir mtimeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MkDir.
         * @memberof doppel
         * @interface IMkDir
         * @augments doppel.MkDir.$Properties
         * @deprecated Use doppel.MkDir.$Properties instead.
         */

        /**
         * Shape of a MkDir.
         * @typedef {doppel.MkDir.$Properties} doppel.MkDir.$Shape
         */

        /**
         * Constructs a new MkDir.
         * @memberof doppel
         * @classdesc Represents a MkDir.
         * @constructor
         * @param {doppel.MkDir.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MkDir = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MkDir path.
         * @member {string} path
         * @memberof doppel.MkDir
         * @instance
         */
        MkDir.prototype.path = "";

        /**
         * MkDir mode.
         * @member {number} mode
         * @memberof doppel.MkDir
         * @instance
         */
        MkDir.prototype.mode = 0;

        /**
         * MkDir mtimeMs.
         * @member {number} mtimeMs
         * @memberof doppel.MkDir
         * @instance
         */
        MkDir.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new MkDir instance using the specified properties.
         * @function create
         * @memberof doppel.MkDir
         * @static
         * @param {doppel.MkDir.$Properties=} [properties] Properties to set
         * @returns {doppel.MkDir} MkDir instance
         * @type {{
         *   (properties: doppel.MkDir.$Shape): doppel.MkDir & doppel.MkDir.$Shape;
         *   (properties?: doppel.MkDir.$Properties): doppel.MkDir;
         * }}
         */
        MkDir.create = function(properties) {
            return new MkDir(properties);
        };

        /**
         * Encodes the specified MkDir message. Does not implicitly {@link doppel.MkDir.verify|verify} messages.
         * @function encode
         * @memberof doppel.MkDir
         * @static
         * @param {doppel.MkDir.$Properties} message MkDir message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MkDir.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.mode);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.mtimeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MkDir message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.MkDir
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.MkDir & doppel.MkDir.$Shape} MkDir
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MkDir.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.MkDir();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for MkDir
         * @function getTypeUrl
         * @memberof doppel.MkDir
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MkDir.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.MkDir";
        };

        return MkDir;
    })();

    doppel.Symlink = (function() {

        /**
         * Properties of a Symlink.
         * @typedef {Object} doppel.Symlink.$Properties
         * @property {string|null} [path] Symlink path
         * @property {string|null} [target] Symlink target
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Symlink.
         * @memberof doppel
         * @interface ISymlink
         * @augments doppel.Symlink.$Properties
         * @deprecated Use doppel.Symlink.$Properties instead.
         */

        /**
         * Shape of a Symlink.
         * @typedef {doppel.Symlink.$Properties} doppel.Symlink.$Shape
         */

        /**
         * Constructs a new Symlink.
         * @memberof doppel
         * @classdesc Represents a Symlink.
         * @constructor
         * @param {doppel.Symlink.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Symlink = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Symlink path.
         * @member {string} path
         * @memberof doppel.Symlink
         * @instance
         */
        Symlink.prototype.path = "";

        /**
         * Symlink target.
         * @member {string} target
         * @memberof doppel.Symlink
         * @instance
         */
        Symlink.prototype.target = "";

        /**
         * Creates a new Symlink instance using the specified properties.
         * @function create
         * @memberof doppel.Symlink
         * @static
         * @param {doppel.Symlink.$Properties=} [properties] Properties to set
         * @returns {doppel.Symlink} Symlink instance
         * @type {{
         *   (properties: doppel.Symlink.$Shape): doppel.Symlink & doppel.Symlink.$Shape;
         *   (properties?: doppel.Symlink.$Properties): doppel.Symlink;
         * }}
         */
        Symlink.create = function(properties) {
            return new Symlink(properties);
        };

        /**
         * Encodes the specified Symlink message. Does not implicitly {@link doppel.Symlink.verify|verify} messages.
         * @function encode
         * @memberof doppel.Symlink
         * @static
         * @param {doppel.Symlink.$Properties} message Symlink message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Symlink.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.target);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Symlink message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Symlink
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Symlink & doppel.Symlink.$Shape} Symlink
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Symlink.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Symlink();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Symlink
         * @function getTypeUrl
         * @memberof doppel.Symlink
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Symlink.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Symlink";
        };

        return Symlink;
    })();

    doppel.Remove = (function() {

        /**
         * Properties of a Remove.
         * @typedef {Object} doppel.Remove.$Properties
         * @property {string|null} [path] Remove path
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Remove.
         * @memberof doppel
         * @interface IRemove
         * @augments doppel.Remove.$Properties
         * @deprecated Use doppel.Remove.$Properties instead.
         */

        /**
         * Shape of a Remove.
         * @typedef {doppel.Remove.$Properties} doppel.Remove.$Shape
         */

        /**
         * Constructs a new Remove.
         * @memberof doppel
         * @classdesc Represents a Remove.
         * @constructor
         * @param {doppel.Remove.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Remove = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Remove path.
         * @member {string} path
         * @memberof doppel.Remove
         * @instance
         */
        Remove.prototype.path = "";

        /**
         * Creates a new Remove instance using the specified properties.
         * @function create
         * @memberof doppel.Remove
         * @static
         * @param {doppel.Remove.$Properties=} [properties] Properties to set
         * @returns {doppel.Remove} Remove instance
         * @type {{
         *   (properties: doppel.Remove.$Shape): doppel.Remove & doppel.Remove.$Shape;
         *   (properties?: doppel.Remove.$Properties): doppel.Remove;
         * }}
         */
        Remove.create = function(properties) {
            return new Remove(properties);
        };

        /**
         * Encodes the specified Remove message. Does not implicitly {@link doppel.Remove.verify|verify} messages.
         * @function encode
         * @memberof doppel.Remove
         * @static
         * @param {doppel.Remove.$Properties} message Remove message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Remove.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Remove message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Remove
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Remove & doppel.Remove.$Shape} Remove
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Remove.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Remove();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Remove
         * @function getTypeUrl
         * @memberof doppel.Remove
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Remove.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Remove";
        };

        return Remove;
    })();

    doppel.Rename = (function() {

        /**
         * Properties of a Rename.
         * @typedef {Object} doppel.Rename.$Properties
         * @property {string|null} [from] Rename from
         * @property {string|null} [to] Rename to
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Rename.
         * @memberof doppel
         * @interface IRename
         * @augments doppel.Rename.$Properties
         * @deprecated Use doppel.Rename.$Properties instead.
         */

        /**
         * Shape of a Rename.
         * @typedef {doppel.Rename.$Properties} doppel.Rename.$Shape
         */

        /**
         * Constructs a new Rename.
         * @memberof doppel
         * @classdesc Represents a Rename.
         * @constructor
         * @param {doppel.Rename.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Rename = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Rename from.
         * @member {string} from
         * @memberof doppel.Rename
         * @instance
         */
        Rename.prototype.from = "";

        /**
         * Rename to.
         * @member {string} to
         * @memberof doppel.Rename
         * @instance
         */
        Rename.prototype.to = "";

        /**
         * Creates a new Rename instance using the specified properties.
         * @function create
         * @memberof doppel.Rename
         * @static
         * @param {doppel.Rename.$Properties=} [properties] Properties to set
         * @returns {doppel.Rename} Rename instance
         * @type {{
         *   (properties: doppel.Rename.$Shape): doppel.Rename & doppel.Rename.$Shape;
         *   (properties?: doppel.Rename.$Properties): doppel.Rename;
         * }}
         */
        Rename.create = function(properties) {
            return new Rename(properties);
        };

        /**
         * Encodes the specified Rename message. Does not implicitly {@link doppel.Rename.verify|verify} messages.
         * @function encode
         * @memberof doppel.Rename
         * @static
         * @param {doppel.Rename.$Properties} message Rename message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Rename.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.from);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.to);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Rename message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Rename
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Rename & doppel.Rename.$Shape} Rename
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Rename.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Rename();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Rename
         * @function getTypeUrl
         * @memberof doppel.Rename
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Rename.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Rename";
        };

        return Rename;
    })();

    doppel.FileBegin = (function() {

        /**
         * Properties of a FileBegin.
         * @typedef {Object} doppel.FileBegin.$Properties
         * @property {string|null} [path] FileBegin path
         * @property {number|null} [size] FileBegin size
         * @property {boolean|null} [base] FileBegin base
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FileBegin.
         * @memberof doppel
         * @interface IFileBegin
         * @augments doppel.FileBegin.$Properties
         * @deprecated Use doppel.FileBegin.$Properties instead.
         */

        /**
         * Shape of a FileBegin.
         * @typedef {doppel.FileBegin.$Properties} doppel.FileBegin.$Shape
         */

        /**
         * Constructs a new FileBegin.
         * @memberof doppel
         * @classdesc Represents a FileBegin.
         * @constructor
         * @param {doppel.FileBegin.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FileBegin = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FileBegin path.
         * @member {string} path
         * @memberof doppel.FileBegin
         * @instance
         */
        FileBegin.prototype.path = "";

        /**
         * FileBegin size.
         * @member {number} size
         * @memberof doppel.FileBegin
         * @instance
         */
        FileBegin.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * FileBegin base.
         * @member {boolean} base
         * @memberof doppel.FileBegin
         * @instance
         */
        FileBegin.prototype.base = false;

        /**
         * Creates a new FileBegin instance using the specified properties.
         * @function create
         * @memberof doppel.FileBegin
         * @static
         * @param {doppel.FileBegin.$Properties=} [properties] Properties to set
         * @returns {doppel.FileBegin} FileBegin instance
         * @type {{
         *   (properties: doppel.FileBegin.$Shape): doppel.FileBegin & doppel.FileBegin.$Shape;
         *   (properties?: doppel.FileBegin.$Properties): doppel.FileBegin;
         * }}
         */
        FileBegin.create = function(properties) {
            return new FileBegin(properties);
        };

        /**
         * Encodes the specified FileBegin message. Does not implicitly {@link doppel.FileBegin.verify|verify} messages.
         * @function encode
         * @memberof doppel.FileBegin
         * @static
         * @param {doppel.FileBegin.$Properties} message FileBegin message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FileBegin.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
            if (message.base != null && $Object.hasOwnProperty.call(message, "base") && message.base !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.base);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FileBegin message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.FileBegin
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.FileBegin & doppel.FileBegin.$Shape} FileBegin
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FileBegin.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.FileBegin();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.base = value;
                        else
                            delete message.base;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FileBegin
         * @function getTypeUrl
         * @memberof doppel.FileBegin
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FileBegin.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.FileBegin";
        };

        return FileBegin;
    })();

    doppel.FileCommit = (function() {

        /**
         * Properties of a FileCommit.
         * @typedef {Object} doppel.FileCommit.$Properties
         * @property {string|null} [path] FileCommit path
         * @property {number|null} [mode] FileCommit mode
         * @property {number|null} [mtimeMs] FileCommit mtimeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a FileCommit.
         * @memberof doppel
         * @interface IFileCommit
         * @augments doppel.FileCommit.$Properties
         * @deprecated Use doppel.FileCommit.$Properties instead.
         */

        /**
         * Shape of a FileCommit.
         * @typedef {doppel.FileCommit.$Properties} doppel.FileCommit.$Shape
         */

        /**
         * Constructs a new FileCommit.
         * @memberof doppel
         * @classdesc Represents a FileCommit.
         * @constructor
         * @param {doppel.FileCommit.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const FileCommit = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * FileCommit path.
         * @member {string} path
         * @memberof doppel.FileCommit
         * @instance
         */
        FileCommit.prototype.path = "";

        /**
         * FileCommit mode.
         * @member {number} mode
         * @memberof doppel.FileCommit
         * @instance
         */
        FileCommit.prototype.mode = 0;

        /**
         * FileCommit mtimeMs.
         * @member {number} mtimeMs
         * @memberof doppel.FileCommit
         * @instance
         */
        FileCommit.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new FileCommit instance using the specified properties.
         * @function create
         * @memberof doppel.FileCommit
         * @static
         * @param {doppel.FileCommit.$Properties=} [properties] Properties to set
         * @returns {doppel.FileCommit} FileCommit instance
         * @type {{
         *   (properties: doppel.FileCommit.$Shape): doppel.FileCommit & doppel.FileCommit.$Shape;
         *   (properties?: doppel.FileCommit.$Properties): doppel.FileCommit;
         * }}
         */
        FileCommit.create = function(properties) {
            return new FileCommit(properties);
        };

        /**
         * Encodes the specified FileCommit message. Does not implicitly {@link doppel.FileCommit.verify|verify} messages.
         * @function encode
         * @memberof doppel.FileCommit
         * @static
         * @param {doppel.FileCommit.$Properties} message FileCommit message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        FileCommit.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.mode);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.mtimeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a FileCommit message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.FileCommit
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.FileCommit & doppel.FileCommit.$Shape} FileCommit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        FileCommit.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.FileCommit();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for FileCommit
         * @function getTypeUrl
         * @memberof doppel.FileCommit
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        FileCommit.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.FileCommit";
        };

        return FileCommit;
    })();

    doppel.Write = (function() {

        /**
         * Properties of a Write.
         * @typedef {Object} doppel.Write.$Properties
         * @property {string|null} [path] Write path
         * @property {number|null} [offset] Write offset
         * @property {Uint8Array|null} [data] Write data
         * @property {Uint8Array|null} [hash] Write hash
         * @property {number|null} [rawLength] Write rawLength
         * @property {boolean|null} [compressed] Write compressed
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Write.
         * @memberof doppel
         * @interface IWrite
         * @augments doppel.Write.$Properties
         * @deprecated Use doppel.Write.$Properties instead.
         */

        /**
         * Shape of a Write.
         * @typedef {doppel.Write.$Properties} doppel.Write.$Shape
         */

        /**
         * Constructs a new Write.
         * @memberof doppel
         * @classdesc Represents a Write.
         * @constructor
         * @param {doppel.Write.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Write = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Write path.
         * @member {string} path
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.path = "";

        /**
         * Write offset.
         * @member {number} offset
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Write data.
         * @member {Uint8Array} data
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.data = $util.newBuffer([]);

        /**
         * Write hash.
         * @member {Uint8Array} hash
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.hash = $util.newBuffer([]);

        /**
         * Write rawLength.
         * @member {number} rawLength
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.rawLength = 0;

        /**
         * Write compressed.
         * @member {boolean} compressed
         * @memberof doppel.Write
         * @instance
         */
        Write.prototype.compressed = false;

        /**
         * Creates a new Write instance using the specified properties.
         * @function create
         * @memberof doppel.Write
         * @static
         * @param {doppel.Write.$Properties=} [properties] Properties to set
         * @returns {doppel.Write} Write instance
         * @type {{
         *   (properties: doppel.Write.$Shape): doppel.Write & doppel.Write.$Shape;
         *   (properties?: doppel.Write.$Properties): doppel.Write;
         * }}
         */
        Write.create = function(properties) {
            return new Write(properties);
        };

        /**
         * Encodes the specified Write message. Does not implicitly {@link doppel.Write.verify|verify} messages.
         * @function encode
         * @memberof doppel.Write
         * @static
         * @param {doppel.Write.$Properties} message Write message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Write.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.offset);
            if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
            if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.hash);
            if (message.rawLength != null && $Object.hasOwnProperty.call(message, "rawLength") && message.rawLength !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.rawLength);
            if (message.compressed != null && $Object.hasOwnProperty.call(message, "compressed") && message.compressed !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.compressed);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Write message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Write
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Write & doppel.Write.$Shape} Write
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Write.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Write();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.offset = value;
                        else
                            delete message.offset;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.data = value;
                        else
                            delete message.data;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.hash = value;
                        else
                            delete message.hash;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.rawLength = value;
                        else
                            delete message.rawLength;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.compressed = value;
                        else
                            delete message.compressed;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Write
         * @function getTypeUrl
         * @memberof doppel.Write
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Write.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Write";
        };

        return Write;
    })();

    doppel.Resize = (function() {

        /**
         * Properties of a Resize.
         * @typedef {Object} doppel.Resize.$Properties
         * @property {string|null} [path] Resize path
         * @property {number|null} [size] Resize size
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Resize.
         * @memberof doppel
         * @interface IResize
         * @augments doppel.Resize.$Properties
         * @deprecated Use doppel.Resize.$Properties instead.
         */

        /**
         * Shape of a Resize.
         * @typedef {doppel.Resize.$Properties} doppel.Resize.$Shape
         */

        /**
         * Constructs a new Resize.
         * @memberof doppel
         * @classdesc Represents a Resize.
         * @constructor
         * @param {doppel.Resize.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Resize = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Resize path.
         * @member {string} path
         * @memberof doppel.Resize
         * @instance
         */
        Resize.prototype.path = "";

        /**
         * Resize size.
         * @member {number} size
         * @memberof doppel.Resize
         * @instance
         */
        Resize.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Resize instance using the specified properties.
         * @function create
         * @memberof doppel.Resize
         * @static
         * @param {doppel.Resize.$Properties=} [properties] Properties to set
         * @returns {doppel.Resize} Resize instance
         * @type {{
         *   (properties: doppel.Resize.$Shape): doppel.Resize & doppel.Resize.$Shape;
         *   (properties?: doppel.Resize.$Properties): doppel.Resize;
         * }}
         */
        Resize.create = function(properties) {
            return new Resize(properties);
        };

        /**
         * Encodes the specified Resize message. Does not implicitly {@link doppel.Resize.verify|verify} messages.
         * @function encode
         * @memberof doppel.Resize
         * @static
         * @param {doppel.Resize.$Properties} message Resize message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Resize.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Resize message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Resize
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Resize & doppel.Resize.$Shape} Resize
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Resize.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Resize();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Resize
         * @function getTypeUrl
         * @memberof doppel.Resize
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Resize.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Resize";
        };

        return Resize;
    })();

    doppel.SetAttr = (function() {

        /**
         * Properties of a SetAttr.
         * @typedef {Object} doppel.SetAttr.$Properties
         * @property {string|null} [path] SetAttr path
         * @property {number|null} [mode] SetAttr mode
         * @property {number|null} [mtimeMs] SetAttr mtimeMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SetAttr.
         * @memberof doppel
         * @interface ISetAttr
         * @augments doppel.SetAttr.$Properties
         * @deprecated Use doppel.SetAttr.$Properties instead.
         */

        /**
         * Shape of a SetAttr.
         * @typedef {doppel.SetAttr.$Properties} doppel.SetAttr.$Shape
         */

        /**
         * Constructs a new SetAttr.
         * @memberof doppel
         * @classdesc Represents a SetAttr.
         * @constructor
         * @param {doppel.SetAttr.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SetAttr = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SetAttr path.
         * @member {string} path
         * @memberof doppel.SetAttr
         * @instance
         */
        SetAttr.prototype.path = "";

        /**
         * SetAttr mode.
         * @member {number} mode
         * @memberof doppel.SetAttr
         * @instance
         */
        SetAttr.prototype.mode = 0;

        /**
         * SetAttr mtimeMs.
         * @member {number} mtimeMs
         * @memberof doppel.SetAttr
         * @instance
         */
        SetAttr.prototype.mtimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Creates a new SetAttr instance using the specified properties.
         * @function create
         * @memberof doppel.SetAttr
         * @static
         * @param {doppel.SetAttr.$Properties=} [properties] Properties to set
         * @returns {doppel.SetAttr} SetAttr instance
         * @type {{
         *   (properties: doppel.SetAttr.$Shape): doppel.SetAttr & doppel.SetAttr.$Shape;
         *   (properties?: doppel.SetAttr.$Properties): doppel.SetAttr;
         * }}
         */
        SetAttr.create = function(properties) {
            return new SetAttr(properties);
        };

        /**
         * Encodes the specified SetAttr message. Does not implicitly {@link doppel.SetAttr.verify|verify} messages.
         * @function encode
         * @memberof doppel.SetAttr
         * @static
         * @param {doppel.SetAttr.$Properties} message SetAttr message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SetAttr.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.path);
            if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.mode);
            if (message.mtimeMs != null && $Object.hasOwnProperty.call(message, "mtimeMs") && (typeof message.mtimeMs === "object" ? message.mtimeMs.low || message.mtimeMs.high : message.mtimeMs !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).int64(message.mtimeMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SetAttr message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.SetAttr
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.SetAttr & doppel.SetAttr.$Shape} SetAttr
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SetAttr.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.SetAttr();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.path = value;
                        else
                            delete message.path;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mode = value;
                        else
                            delete message.mode;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.mtimeMs = value;
                        else
                            delete message.mtimeMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for SetAttr
         * @function getTypeUrl
         * @memberof doppel.SetAttr
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SetAttr.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.SetAttr";
        };

        return SetAttr;
    })();

    doppel.Op = (function() {

        /**
         * Properties of an Op.
         * @typedef {Object} doppel.Op.$Properties
         * @property {doppel.MkDir.$Properties|null} [mkdir] Op mkdir
         * @property {doppel.Symlink.$Properties|null} [symlink] Op symlink
         * @property {doppel.Remove.$Properties|null} [remove] Op remove
         * @property {doppel.Rename.$Properties|null} [rename] Op rename
         * @property {doppel.FileBegin.$Properties|null} [fileBegin] Op fileBegin
         * @property {doppel.FileCommit.$Properties|null} [fileCommit] Op fileCommit
         * @property {doppel.Write.$Properties|null} [write] Op write
         * @property {doppel.Resize.$Properties|null} [resize] Op resize
         * @property {doppel.SetAttr.$Properties|null} [setAttr] Op setAttr
         * @property {"mkdir"|"symlink"|"remove"|"rename"|"fileBegin"|"fileCommit"|"write"|"resize"|"setAttr"} [op] Op op
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Op.
         * @memberof doppel
         * @interface IOp
         * @augments doppel.Op.$Properties
         * @deprecated Use doppel.Op.$Properties instead.
         */

        /**
         * Narrowed shape of an Op.
         * @typedef {{
         *   mkdir?: doppel.MkDir.$Shape|null;
         *   symlink?: doppel.Symlink.$Shape|null;
         *   remove?: doppel.Remove.$Shape|null;
         *   rename?: doppel.Rename.$Shape|null;
         *   fileBegin?: doppel.FileBegin.$Shape|null;
         *   fileCommit?: doppel.FileCommit.$Shape|null;
         *   write?: doppel.Write.$Shape|null;
         *   resize?: doppel.Resize.$Shape|null;
         *   setAttr?: doppel.SetAttr.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ op?: undefined; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "mkdir"; mkdir: doppel.MkDir.$Shape; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "symlink"; mkdir?: null; symlink: doppel.Symlink.$Shape; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "remove"; mkdir?: null; symlink?: null; remove: doppel.Remove.$Shape; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "rename"; mkdir?: null; symlink?: null; remove?: null; rename: doppel.Rename.$Shape; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "fileBegin"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin: doppel.FileBegin.$Shape; fileCommit?: null; write?: null; resize?: null; setAttr?: null }|{ op?: "fileCommit"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit: doppel.FileCommit.$Shape; write?: null; resize?: null; setAttr?: null }|{ op?: "write"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write: doppel.Write.$Shape; resize?: null; setAttr?: null }|{ op?: "resize"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize: doppel.Resize.$Shape; setAttr?: null }|{ op?: "setAttr"; mkdir?: null; symlink?: null; remove?: null; rename?: null; fileBegin?: null; fileCommit?: null; write?: null; resize?: null; setAttr: doppel.SetAttr.$Shape })
         * )} doppel.Op.$Shape
         */

        /**
         * Constructs a new Op.
         * @memberof doppel
         * @classdesc Represents an Op.
         * @constructor
         * @param {doppel.Op.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Op = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Op mkdir.
         * @member {doppel.MkDir.$Properties|null|undefined} mkdir
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.mkdir = null;

        /**
         * Op symlink.
         * @member {doppel.Symlink.$Properties|null|undefined} symlink
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.symlink = null;

        /**
         * Op remove.
         * @member {doppel.Remove.$Properties|null|undefined} remove
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.remove = null;

        /**
         * Op rename.
         * @member {doppel.Rename.$Properties|null|undefined} rename
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.rename = null;

        /**
         * Op fileBegin.
         * @member {doppel.FileBegin.$Properties|null|undefined} fileBegin
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.fileBegin = null;

        /**
         * Op fileCommit.
         * @member {doppel.FileCommit.$Properties|null|undefined} fileCommit
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.fileCommit = null;

        /**
         * Op write.
         * @member {doppel.Write.$Properties|null|undefined} write
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.write = null;

        /**
         * Op resize.
         * @member {doppel.Resize.$Properties|null|undefined} resize
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.resize = null;

        /**
         * Op setAttr.
         * @member {doppel.SetAttr.$Properties|null|undefined} setAttr
         * @memberof doppel.Op
         * @instance
         */
        Op.prototype.setAttr = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Op op.
         * @member {"mkdir"|"symlink"|"remove"|"rename"|"fileBegin"|"fileCommit"|"write"|"resize"|"setAttr"|undefined} op
         * @memberof doppel.Op
         * @instance
         */
        $Object.defineProperty(Op.prototype, "op", {
            get: $util.oneOfGetter($oneOfFields = ["mkdir", "symlink", "remove", "rename", "fileBegin", "fileCommit", "write", "resize", "setAttr"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Op instance using the specified properties.
         * @function create
         * @memberof doppel.Op
         * @static
         * @param {doppel.Op.$Properties=} [properties] Properties to set
         * @returns {doppel.Op} Op instance
         * @type {{
         *   (properties: doppel.Op.$Shape): doppel.Op & doppel.Op.$Shape;
         *   (properties?: doppel.Op.$Properties): doppel.Op;
         * }}
         */
        Op.create = function(properties) {
            return new Op(properties);
        };

        /**
         * Encodes the specified Op message. Does not implicitly {@link doppel.Op.verify|verify} messages.
         * @function encode
         * @memberof doppel.Op
         * @static
         * @param {doppel.Op.$Properties} message Op message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Op.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.mkdir != null && $Object.hasOwnProperty.call(message, "mkdir"))
                $root.doppel.MkDir.encode(message.mkdir, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.symlink != null && $Object.hasOwnProperty.call(message, "symlink"))
                $root.doppel.Symlink.encode(message.symlink, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.remove != null && $Object.hasOwnProperty.call(message, "remove"))
                $root.doppel.Remove.encode(message.remove, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.rename != null && $Object.hasOwnProperty.call(message, "rename"))
                $root.doppel.Rename.encode(message.rename, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.fileBegin != null && $Object.hasOwnProperty.call(message, "fileBegin"))
                $root.doppel.FileBegin.encode(message.fileBegin, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.fileCommit != null && $Object.hasOwnProperty.call(message, "fileCommit"))
                $root.doppel.FileCommit.encode(message.fileCommit, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.write != null && $Object.hasOwnProperty.call(message, "write"))
                $root.doppel.Write.encode(message.write, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.resize != null && $Object.hasOwnProperty.call(message, "resize"))
                $root.doppel.Resize.encode(message.resize, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.setAttr != null && $Object.hasOwnProperty.call(message, "setAttr"))
                $root.doppel.SetAttr.encode(message.setAttr, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Op message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Op
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Op & doppel.Op.$Shape} Op
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Op.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Op();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.mkdir = $root.doppel.MkDir.decode(reader, reader.size(), $undefined, _depth + 1, message.mkdir);
                        message.op = "mkdir";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.symlink = $root.doppel.Symlink.decode(reader, reader.size(), $undefined, _depth + 1, message.symlink);
                        message.op = "symlink";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.remove = $root.doppel.Remove.decode(reader, reader.size(), $undefined, _depth + 1, message.remove);
                        message.op = "remove";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.rename = $root.doppel.Rename.decode(reader, reader.size(), $undefined, _depth + 1, message.rename);
                        message.op = "rename";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.fileBegin = $root.doppel.FileBegin.decode(reader, reader.size(), $undefined, _depth + 1, message.fileBegin);
                        message.op = "fileBegin";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.fileCommit = $root.doppel.FileCommit.decode(reader, reader.size(), $undefined, _depth + 1, message.fileCommit);
                        message.op = "fileCommit";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.write = $root.doppel.Write.decode(reader, reader.size(), $undefined, _depth + 1, message.write);
                        message.op = "write";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.resize = $root.doppel.Resize.decode(reader, reader.size(), $undefined, _depth + 1, message.resize);
                        message.op = "resize";
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        message.setAttr = $root.doppel.SetAttr.decode(reader, reader.size(), $undefined, _depth + 1, message.setAttr);
                        message.op = "setAttr";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Op
         * @function getTypeUrl
         * @memberof doppel.Op
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Op.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Op";
        };

        return Op;
    })();

    doppel.Batch = (function() {

        /**
         * Properties of a Batch.
         * @typedef {Object} doppel.Batch.$Properties
         * @property {number|null} [seq] Batch seq
         * @property {number|null} [generation] Batch generation
         * @property {Array.<doppel.Op.$Properties>|null} [ops] Batch ops
         * @property {boolean|null} [final] Batch final
         * @property {boolean|null} [mirrorDone] Batch mirrorDone
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Batch.
         * @memberof doppel
         * @interface IBatch
         * @augments doppel.Batch.$Properties
         * @deprecated Use doppel.Batch.$Properties instead.
         */

        /**
         * Shape of a Batch.
         * @typedef {{
         *   seq?: number|null;
         *   generation?: number|null;
         *   ops?: Array.<doppel.Op.$Shape>|null;
         *   final?: boolean|null;
         *   mirrorDone?: boolean|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} doppel.Batch.$Shape
         */

        /**
         * Constructs a new Batch.
         * @memberof doppel
         * @classdesc Represents a Batch.
         * @constructor
         * @param {doppel.Batch.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Batch = function (properties) {
            this.ops = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Batch seq.
         * @member {number} seq
         * @memberof doppel.Batch
         * @instance
         */
        Batch.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Batch generation.
         * @member {number} generation
         * @memberof doppel.Batch
         * @instance
         */
        Batch.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Batch ops.
         * @member {Array.<doppel.Op.$Properties>} ops
         * @memberof doppel.Batch
         * @instance
         */
        Batch.prototype.ops = $util.emptyArray;

        /**
         * Batch final.
         * @member {boolean} final
         * @memberof doppel.Batch
         * @instance
         */
        Batch.prototype.final = false;

        /**
         * Batch mirrorDone.
         * @member {boolean} mirrorDone
         * @memberof doppel.Batch
         * @instance
         */
        Batch.prototype.mirrorDone = false;

        /**
         * Creates a new Batch instance using the specified properties.
         * @function create
         * @memberof doppel.Batch
         * @static
         * @param {doppel.Batch.$Properties=} [properties] Properties to set
         * @returns {doppel.Batch} Batch instance
         * @type {{
         *   (properties: doppel.Batch.$Shape): doppel.Batch & doppel.Batch.$Shape;
         *   (properties?: doppel.Batch.$Properties): doppel.Batch;
         * }}
         */
        Batch.create = function(properties) {
            return new Batch(properties);
        };

        /**
         * Encodes the specified Batch message. Does not implicitly {@link doppel.Batch.verify|verify} messages.
         * @function encode
         * @memberof doppel.Batch
         * @static
         * @param {doppel.Batch.$Properties} message Batch message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Batch.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
            if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && (typeof message.generation === "object" ? message.generation.low || message.generation.high : message.generation !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.generation);
            if (message.ops != null && message.ops.length)
                for (let i = 0; i < message.ops.length; ++i)
                    $root.doppel.Op.encode(message.ops[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.final != null && $Object.hasOwnProperty.call(message, "final") && message.final !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.final);
            if (message.mirrorDone != null && $Object.hasOwnProperty.call(message, "mirrorDone") && message.mirrorDone !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.mirrorDone);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Batch message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Batch
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Batch & doppel.Batch.$Shape} Batch
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Batch.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Batch();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.generation = value;
                        else
                            delete message.generation;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.ops && message.ops.length))
                            message.ops = [];
                        message.ops.push($root.doppel.Op.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.final = value;
                        else
                            delete message.final;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.mirrorDone = value;
                        else
                            delete message.mirrorDone;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Batch
         * @function getTypeUrl
         * @memberof doppel.Batch
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Batch.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Batch";
        };

        return Batch;
    })();

    doppel.Ack = (function() {

        /**
         * Properties of an Ack.
         * @typedef {Object} doppel.Ack.$Properties
         * @property {number|null} [receivedBytes] Ack receivedBytes
         * @property {number|null} [appliedSeq] Ack appliedSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Ack.
         * @memberof doppel
         * @interface IAck
         * @augments doppel.Ack.$Properties
         * @deprecated Use doppel.Ack.$Properties instead.
         */

        /**
         * Shape of an Ack.
         * @typedef {doppel.Ack.$Properties} doppel.Ack.$Shape
         */

        /**
         * Constructs a new Ack.
         * @memberof doppel
         * @classdesc Represents an Ack.
         * @constructor
         * @param {doppel.Ack.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ack = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Ack receivedBytes.
         * @member {number} receivedBytes
         * @memberof doppel.Ack
         * @instance
         */
        Ack.prototype.receivedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Ack appliedSeq.
         * @member {number} appliedSeq
         * @memberof doppel.Ack
         * @instance
         */
        Ack.prototype.appliedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Ack instance using the specified properties.
         * @function create
         * @memberof doppel.Ack
         * @static
         * @param {doppel.Ack.$Properties=} [properties] Properties to set
         * @returns {doppel.Ack} Ack instance
         * @type {{
         *   (properties: doppel.Ack.$Shape): doppel.Ack & doppel.Ack.$Shape;
         *   (properties?: doppel.Ack.$Properties): doppel.Ack;
         * }}
         */
        Ack.create = function(properties) {
            return new Ack(properties);
        };

        /**
         * Encodes the specified Ack message. Does not implicitly {@link doppel.Ack.verify|verify} messages.
         * @function encode
         * @memberof doppel.Ack
         * @static
         * @param {doppel.Ack.$Properties} message Ack message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ack.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.receivedBytes != null && $Object.hasOwnProperty.call(message, "receivedBytes") && (typeof message.receivedBytes === "object" ? message.receivedBytes.low || message.receivedBytes.high : message.receivedBytes !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.receivedBytes);
            if (message.appliedSeq != null && $Object.hasOwnProperty.call(message, "appliedSeq") && (typeof message.appliedSeq === "object" ? message.appliedSeq.low || message.appliedSeq.high : message.appliedSeq !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.appliedSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Ack
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Ack & doppel.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ack.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Ack();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.receivedBytes = value;
                        else
                            delete message.receivedBytes;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.appliedSeq = value;
                        else
                            delete message.appliedSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Ack
         * @function getTypeUrl
         * @memberof doppel.Ack
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Ack.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Ack";
        };

        return Ack;
    })();

    doppel.VerifyRequest = (function() {

        /**
         * Properties of a VerifyRequest.
         * @typedef {Object} doppel.VerifyRequest.$Properties
         * @property {number|null} [id] VerifyRequest id
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a VerifyRequest.
         * @memberof doppel
         * @interface IVerifyRequest
         * @augments doppel.VerifyRequest.$Properties
         * @deprecated Use doppel.VerifyRequest.$Properties instead.
         */

        /**
         * Shape of a VerifyRequest.
         * @typedef {doppel.VerifyRequest.$Properties} doppel.VerifyRequest.$Shape
         */

        /**
         * Constructs a new VerifyRequest.
         * @memberof doppel
         * @classdesc Represents a VerifyRequest.
         * @constructor
         * @param {doppel.VerifyRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const VerifyRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * VerifyRequest id.
         * @member {number} id
         * @memberof doppel.VerifyRequest
         * @instance
         */
        VerifyRequest.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new VerifyRequest instance using the specified properties.
         * @function create
         * @memberof doppel.VerifyRequest
         * @static
         * @param {doppel.VerifyRequest.$Properties=} [properties] Properties to set
         * @returns {doppel.VerifyRequest} VerifyRequest instance
         * @type {{
         *   (properties: doppel.VerifyRequest.$Shape): doppel.VerifyRequest & doppel.VerifyRequest.$Shape;
         *   (properties?: doppel.VerifyRequest.$Properties): doppel.VerifyRequest;
         * }}
         */
        VerifyRequest.create = function(properties) {
            return new VerifyRequest(properties);
        };

        /**
         * Encodes the specified VerifyRequest message. Does not implicitly {@link doppel.VerifyRequest.verify|verify} messages.
         * @function encode
         * @memberof doppel.VerifyRequest
         * @static
         * @param {doppel.VerifyRequest.$Properties} message VerifyRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        VerifyRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a VerifyRequest message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.VerifyRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.VerifyRequest & doppel.VerifyRequest.$Shape} VerifyRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        VerifyRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.VerifyRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for VerifyRequest
         * @function getTypeUrl
         * @memberof doppel.VerifyRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        VerifyRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.VerifyRequest";
        };

        return VerifyRequest;
    })();

    doppel.Handover = (function() {

        /**
         * Properties of a Handover.
         * @typedef {Object} doppel.Handover.$Properties
         * @property {number|null} [generation] Handover generation
         * @property {boolean|null} [ack] Handover ack
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Handover.
         * @memberof doppel
         * @interface IHandover
         * @augments doppel.Handover.$Properties
         * @deprecated Use doppel.Handover.$Properties instead.
         */

        /**
         * Shape of a Handover.
         * @typedef {doppel.Handover.$Properties} doppel.Handover.$Shape
         */

        /**
         * Constructs a new Handover.
         * @memberof doppel
         * @classdesc Represents a Handover.
         * @constructor
         * @param {doppel.Handover.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Handover = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Handover generation.
         * @member {number} generation
         * @memberof doppel.Handover
         * @instance
         */
        Handover.prototype.generation = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Handover ack.
         * @member {boolean} ack
         * @memberof doppel.Handover
         * @instance
         */
        Handover.prototype.ack = false;

        /**
         * Creates a new Handover instance using the specified properties.
         * @function create
         * @memberof doppel.Handover
         * @static
         * @param {doppel.Handover.$Properties=} [properties] Properties to set
         * @returns {doppel.Handover} Handover instance
         * @type {{
         *   (properties: doppel.Handover.$Shape): doppel.Handover & doppel.Handover.$Shape;
         *   (properties?: doppel.Handover.$Properties): doppel.Handover;
         * }}
         */
        Handover.create = function(properties) {
            return new Handover(properties);
        };

        /**
         * Encodes the specified Handover message. Does not implicitly {@link doppel.Handover.verify|verify} messages.
         * @function encode
         * @memberof doppel.Handover
         * @static
         * @param {doppel.Handover.$Properties} message Handover message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Handover.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && (typeof message.generation === "object" ? message.generation.low || message.generation.high : message.generation !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.generation);
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack") && message.ack !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ack);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Handover message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.Handover
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.Handover & doppel.Handover.$Shape} Handover
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Handover.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.Handover();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.generation = value;
                        else
                            delete message.generation;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ack = value;
                        else
                            delete message.ack;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for Handover
         * @function getTypeUrl
         * @memberof doppel.Handover
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Handover.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.Handover";
        };

        return Handover;
    })();

    doppel.ReplicateFrame = (function() {

        /**
         * Properties of a ReplicateFrame.
         * @typedef {Object} doppel.ReplicateFrame.$Properties
         * @property {doppel.Offer.$Properties|null} [offer] ReplicateFrame offer
         * @property {doppel.OfferReply.$Properties|null} [offerReply] ReplicateFrame offerReply
         * @property {doppel.IndexChunk.$Properties|null} [index] ReplicateFrame index
         * @property {doppel.Batch.$Properties|null} [batch] ReplicateFrame batch
         * @property {doppel.Ack.$Properties|null} [ack] ReplicateFrame ack
         * @property {doppel.VerifyRequest.$Properties|null} [verify] ReplicateFrame verify
         * @property {doppel.Failure.$Properties|null} [failure] ReplicateFrame failure
         * @property {doppel.Handover.$Properties|null} [handover] ReplicateFrame handover
         * @property {"offer"|"offerReply"|"index"|"batch"|"ack"|"verify"|"failure"|"handover"} [body] ReplicateFrame body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReplicateFrame.
         * @memberof doppel
         * @interface IReplicateFrame
         * @augments doppel.ReplicateFrame.$Properties
         * @deprecated Use doppel.ReplicateFrame.$Properties instead.
         */

        /**
         * Narrowed shape of a ReplicateFrame.
         * @typedef {{
         *   offer?: doppel.Offer.$Shape|null;
         *   offerReply?: doppel.OfferReply.$Shape|null;
         *   index?: doppel.IndexChunk.$Shape|null;
         *   batch?: doppel.Batch.$Shape|null;
         *   ack?: doppel.Ack.$Shape|null;
         *   verify?: doppel.VerifyRequest.$Shape|null;
         *   failure?: doppel.Failure.$Shape|null;
         *   handover?: doppel.Handover.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "offer"; offer: doppel.Offer.$Shape; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "offerReply"; offer?: null; offerReply: doppel.OfferReply.$Shape; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "index"; offer?: null; offerReply?: null; index: doppel.IndexChunk.$Shape; batch?: null; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "batch"; offer?: null; offerReply?: null; index?: null; batch: doppel.Batch.$Shape; ack?: null; verify?: null; failure?: null; handover?: null }|{ body?: "ack"; offer?: null; offerReply?: null; index?: null; batch?: null; ack: doppel.Ack.$Shape; verify?: null; failure?: null; handover?: null }|{ body?: "verify"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify: doppel.VerifyRequest.$Shape; failure?: null; handover?: null }|{ body?: "failure"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure: doppel.Failure.$Shape; handover?: null }|{ body?: "handover"; offer?: null; offerReply?: null; index?: null; batch?: null; ack?: null; verify?: null; failure?: null; handover: doppel.Handover.$Shape })
         * )} doppel.ReplicateFrame.$Shape
         */

        /**
         * Constructs a new ReplicateFrame.
         * @memberof doppel
         * @classdesc Represents a ReplicateFrame.
         * @constructor
         * @param {doppel.ReplicateFrame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReplicateFrame = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReplicateFrame offer.
         * @member {doppel.Offer.$Properties|null|undefined} offer
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.offer = null;

        /**
         * ReplicateFrame offerReply.
         * @member {doppel.OfferReply.$Properties|null|undefined} offerReply
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.offerReply = null;

        /**
         * ReplicateFrame index.
         * @member {doppel.IndexChunk.$Properties|null|undefined} index
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.index = null;

        /**
         * ReplicateFrame batch.
         * @member {doppel.Batch.$Properties|null|undefined} batch
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.batch = null;

        /**
         * ReplicateFrame ack.
         * @member {doppel.Ack.$Properties|null|undefined} ack
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.ack = null;

        /**
         * ReplicateFrame verify.
         * @member {doppel.VerifyRequest.$Properties|null|undefined} verify
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.verify = null;

        /**
         * ReplicateFrame failure.
         * @member {doppel.Failure.$Properties|null|undefined} failure
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.failure = null;

        /**
         * ReplicateFrame handover.
         * @member {doppel.Handover.$Properties|null|undefined} handover
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        ReplicateFrame.prototype.handover = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * ReplicateFrame body.
         * @member {"offer"|"offerReply"|"index"|"batch"|"ack"|"verify"|"failure"|"handover"|undefined} body
         * @memberof doppel.ReplicateFrame
         * @instance
         */
        $Object.defineProperty(ReplicateFrame.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["offer", "offerReply", "index", "batch", "ack", "verify", "failure", "handover"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new ReplicateFrame instance using the specified properties.
         * @function create
         * @memberof doppel.ReplicateFrame
         * @static
         * @param {doppel.ReplicateFrame.$Properties=} [properties] Properties to set
         * @returns {doppel.ReplicateFrame} ReplicateFrame instance
         * @type {{
         *   (properties: doppel.ReplicateFrame.$Shape): doppel.ReplicateFrame & doppel.ReplicateFrame.$Shape;
         *   (properties?: doppel.ReplicateFrame.$Properties): doppel.ReplicateFrame;
         * }}
         */
        ReplicateFrame.create = function(properties) {
            return new ReplicateFrame(properties);
        };

        /**
         * Encodes the specified ReplicateFrame message. Does not implicitly {@link doppel.ReplicateFrame.verify|verify} messages.
         * @function encode
         * @memberof doppel.ReplicateFrame
         * @static
         * @param {doppel.ReplicateFrame.$Properties} message ReplicateFrame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReplicateFrame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.offer != null && $Object.hasOwnProperty.call(message, "offer"))
                $root.doppel.Offer.encode(message.offer, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.offerReply != null && $Object.hasOwnProperty.call(message, "offerReply"))
                $root.doppel.OfferReply.encode(message.offerReply, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.index != null && $Object.hasOwnProperty.call(message, "index"))
                $root.doppel.IndexChunk.encode(message.index, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                $root.doppel.Batch.encode(message.batch, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                $root.doppel.Ack.encode(message.ack, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.verify != null && $Object.hasOwnProperty.call(message, "verify"))
                $root.doppel.VerifyRequest.encode(message.verify, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                $root.doppel.Failure.encode(message.failure, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.handover != null && $Object.hasOwnProperty.call(message, "handover"))
                $root.doppel.Handover.encode(message.handover, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReplicateFrame message from the specified reader or buffer.
         * @function decode
         * @memberof doppel.ReplicateFrame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {doppel.ReplicateFrame & doppel.ReplicateFrame.$Shape} ReplicateFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReplicateFrame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.doppel.ReplicateFrame();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.offer = $root.doppel.Offer.decode(reader, reader.size(), $undefined, _depth + 1, message.offer);
                        message.body = "offer";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.offerReply = $root.doppel.OfferReply.decode(reader, reader.size(), $undefined, _depth + 1, message.offerReply);
                        message.body = "offerReply";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.index = $root.doppel.IndexChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.index);
                        message.body = "index";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.batch = $root.doppel.Batch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                        message.body = "batch";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.ack = $root.doppel.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                        message.body = "ack";
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        message.verify = $root.doppel.VerifyRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.verify);
                        message.body = "verify";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.failure = $root.doppel.Failure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                        message.body = "failure";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.handover = $root.doppel.Handover.decode(reader, reader.size(), $undefined, _depth + 1, message.handover);
                        message.body = "handover";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Gets the type url for ReplicateFrame
         * @function getTypeUrl
         * @memberof doppel.ReplicateFrame
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ReplicateFrame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/doppel.ReplicateFrame";
        };

        return ReplicateFrame;
    })();

    return doppel;
})();

export {
  $root as default
};
