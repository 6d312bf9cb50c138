"""The Python bootstrap of one emulated Lambda execution environment (reference §8): Init, then one invocation at a
time, speaking the same framed protocol as environment.child.ts (protocol.ts: one JSON document per line on fd 3).
Started with the function's Lambda variables only, in its package root (§8.2); loads nothing until the init message.
"""
import importlib.util
import json
import logging
import os
import signal
import socket
import sys
import time
import traceback

CHANNEL_FD = 3
# lambda:gettingstarted-limits, as in protocol.ts.
MAX_RESPONSE_PAYLOAD_BYTES = 6_291_556
# CloudWatch Logs' largest event, as in environment.child.ts.
MAX_LOG_LINE = 262_144

channel = socket.socket(fileno=CHANNEL_FD)
channel.setblocking(True)
reader = channel.makefile("rb")
request_id = None


def post(message):
    channel.sendall((json.dumps(message) + "\n").encode("utf-8"))


def memory_used_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return -(-int(line.split()[1]) // 1024)
    return 0


class LambdaContext:
    """lambda:python-context: the context object's properties and get_remaining_time_in_millis()."""

    def __init__(self, data, aws_request_id, deadline_ms):
        self.function_name = data["functionName"]
        self.function_version = data["functionVersion"]
        self.invoked_function_arn = data["invokedFunctionArn"]
        self.memory_limit_in_mb = data["memoryLimitInMB"]
        self.aws_request_id = aws_request_id
        self.log_group_name = data["logGroupName"]
        self.log_stream_name = data["logStreamName"]
        self.identity = None
        self.client_context = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


class LambdaLogHandler(logging.Handler):
    """lambda:python-logging: `[LEVEL]\\t<ISO time>Z\\t<request id>\\t<message>`, one entry per record."""

    def emit(self, record):
        text = self.format(record)
        if len(text) > MAX_LOG_LINE:
            text = f"{text[:MAX_LOG_LINE]}… [edge-dev: line of {len(text)} characters cut at {MAX_LOG_LINE}]"
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs
        post({"type": "log", "line": f"[{record.levelname}]\t{stamp}\t{request_id}\t{text}"})


class ChannelWriter:
    """print and sys.stderr, line by line through the channel: so lines stay in order with the result frame."""

    def __init__(self):
        self._pending = ""

    def write(self, text):
        self._pending += text
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            post({"type": "log", "line": line[:MAX_LOG_LINE]})
        return len(text)

    def flush(self):
        if self._pending:
            post({"type": "log", "line": self._pending[:MAX_LOG_LINE]})
            self._pending = ""


sys.stdout = ChannelWriter()
sys.stderr = ChannelWriter()
root = logging.getLogger()
root.handlers = [LambdaLogHandler()]
root.setLevel(logging.WARNING)


def error_result(error):
    """lambda:python-exceptions: what Lambda's Python runtime reports for an uncaught exception."""
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "requestId": request_id or "",
        # The handler's frames only: not this bootstrap's, nor importlib's.
        "stackTrace": traceback.format_list([frame for frame in traceback.extract_tb(error.__traceback__)
                                             if frame.filename != __file__ and not frame.filename.startswith("<frozen")]),
    }


def log_error(result):
    lines = [f"[ERROR] {result['errorType']}: {result['errorMessage']}", "Traceback (most recent call last):"]
    lines += [frame.rstrip("\n") for frame in result["stackTrace"]]
    post({"type": "log", "line": "\n".join(lines)})


def init(data):
    source = data["sourcePath"]
    module_name = os.path.splitext(os.path.basename(data["loadPath"]))[0]
    sys.path.insert(0, os.path.dirname(data["loadPath"]))
    if not os.path.isfile(data["loadPath"]):
        post({"type": "init-error", "errorType": "Runtime.ImportModuleError",
              "detail": f"{source} could not be loaded: the file does not exist. Check the handler path in the functions entry."})
        return None
    try:
        spec = importlib.util.spec_from_file_location(module_name, data["loadPath"])
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    except SyntaxError as error:
        log_error(error_result(error))
        post({"type": "init-error", "errorType": "Runtime.UserCodeSyntaxError",
              "detail": f"{source} has a syntax error at line {error.lineno}: {error.msg}. Fix the code."})
        return None
    except ImportError as error:
        log_error(error_result(error))
        post({"type": "init-error", "errorType": "Runtime.ImportModuleError",
              "detail": f"{source} could not be loaded: Unable to import module '{module_name}': {error}. Install the package in the function's project or fix the import."})
        return None
    except Exception as error:
        log_error(error_result(error))
        post({"type": "init-error", "errorType": type(error).__name__,
              "detail": f"{source} threw during Init (module top-level code): {type(error).__name__}: {error}."})
        return None
    handler = getattr(module, data["exportName"], None)
    if not callable(handler):
        post({"type": "init-error", "errorType": "Runtime.HandlerNotFound",
              "detail": f"{source}: Handler '{data['exportName']}' missing on module '{module_name}'. Define the function, or name it in the functions entry (\"path#name\")."})
        return None
    post({"type": "ready"})
    return handler


def invoke(handler, data, message):
    global request_id
    request_id = message["awsRequestId"]
    context = LambdaContext(data, request_id, message["deadline"])
    try:
        result = handler(message["event"], context)
    except Exception as error:
        sys.stdout.flush()
        failure = error_result(error)
        log_error(failure)
        post({"type": "failure", "reason": "error", "errorType": failure["errorType"],
              "errorMessage": failure["errorMessage"], "memoryUsedMb": memory_used_mb()})
        return
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        # §8.4 (D48): the result after JSON serialisation; the server parses the frame.
        text = json.dumps(result)
    except (TypeError, ValueError) as error:
        post({"type": "failure", "reason": "not-parsable", "errorType": "Runtime.MarshalError",
              "errorMessage": f"Unable to marshal response: {error}", "memoryUsedMb": memory_used_mb()})
        return
    if len(text) > MAX_RESPONSE_PAYLOAD_BYTES or len(text.encode("utf-8")) > MAX_RESPONSE_PAYLOAD_BYTES:
        post({"type": "failure", "reason": "too-large", "errorType": "Function.ResponseSizeTooLarge",
              "errorMessage": f"Response payload size exceeded maximum allowed payload size ({MAX_RESPONSE_PAYLOAD_BYTES} bytes)",
              "memoryUsedMb": memory_used_mb()})
        return
    channel.sendall(f'{{"type":"result","memoryUsedMb":{memory_used_mb()},"result":{text}}}\n'.encode("utf-8"))


def main():
    handler = None
    data = None
    for line in reader:
        message = json.loads(line)
        kind = message["type"]
        if kind == "init":
            data = message["data"]
            handler = init(data)
        elif kind == "invoke":
            invoke(handler, data, message)
        else:
            # D45: Shutdown is SIGTERM: the handler's signal.signal(SIGTERM, ...) runs, or the default ends the process.
            os.kill(os.getpid(), signal.SIGTERM)
            return


main()
