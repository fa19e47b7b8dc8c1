# bench/richards.py -- Martin Richards' operating-system simulation: a
# scheduler running six tasks (idle, worker, two handlers, two devices) that
# exchange packets through queues.
#
# Usage: tandem bench/richards.py [N]    (default N = 500)
# N is the idle task's total step count in thousands: N // 10 classic
# simulations of 10000 idle steps (each gives 23246 packets queued and 9297
# holds), plus one shorter simulation for N % 10, so the small size 10 is
# exactly one classic simulation.
# Prints one checksum line: "richards N queue_count hold_count" (sums).
# Exercises classes with inheritance and method overriding, attribute
# access, linked lists through attributes, None checks, int bit operations.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 500

I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6
K_DEV = 1000
K_WORK = 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * BUFSIZE

    def append_to(self, queue):
        """Put self at the end of QUEUE; return the queue's new head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        task.link = self.task_list
        self.task_list = task
        self.tasks[task.ident] = task

    def find(self, ident):
        return self.tasks[ident]

    def run(self):
        tcb = self.task_list
        while tcb is not None:
            if tcb.held_or_suspended():
                tcb = tcb.link
            else:
                tcb = tcb.run_task()


class Task:
    def __init__(self, sched, ident, priority, queue, pending, waiting, holding):
        self.sched = sched
        self.link = None
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = pending
        self.task_waiting = waiting
        self.task_holding = holding
        sched.add(self)

    def held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding

    def add_packet(self, pkt, old):
        if self.queue is None:
            self.queue = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return old

    def run_task(self):
        if self.waiting_with_packet():
            msg = self.queue
            self.queue = msg.link
            self.task_waiting = False
            self.task_holding = False
            self.packet_pending = self.queue is not None
        else:
            msg = None
        return self.step(msg)

    def wait(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def send(self, pkt):
        t = self.sched.find(pkt.ident)
        self.sched.queue_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)

    def step(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        Task.__init__(self, sched, ident, priority, None, False, False, False)
        self.control = 1
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True, False)
        self.destination = I_HANDLERA
        self.count = 0

    def step(self, pkt):
        if pkt is None:
            return self.wait()
        if self.destination == I_HANDLERA:
            self.destination = I_HANDLERB
        else:
            self.destination = I_HANDLERA
        pkt.ident = self.destination
        pkt.a1 = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.a2[i] = 64 + self.count
        return self.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True, False)
        self.work_in = None
        self.device_in = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.a1
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.a1 = work.a2[count]
                    work.a1 = count + 1
                    return self.send(dev)
            else:
                self.work_in = work.link
                return self.send(work)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, False, True, False)
        self.pending = None

    def step(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait()
            self.pending = None
            return self.send(pkt)
        self.pending = pkt
        return self.hold()


def simulate(idle_count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 0, idle_count)
    q = Packet(None, 0, K_WORK)
    q = Packet(q, 0, K_WORK)
    WorkTask(s, I_WORK, 1000, q)
    q = Packet(None, I_DEVA, K_DEV)
    q = Packet(q, I_DEVA, K_DEV)
    q = Packet(q, I_DEVA, K_DEV)
    HandlerTask(s, I_HANDLERA, 2000, q)
    q = Packet(None, I_DEVB, K_DEV)
    q = Packet(q, I_DEVB, K_DEV)
    q = Packet(q, I_DEVB, K_DEV)
    HandlerTask(s, I_HANDLERB, 3000, q)
    DeviceTask(s, I_DEVA, 4000)
    DeviceTask(s, I_DEVB, 5000)
    s.run()
    return s.queue_count, s.hold_count


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    queued = 0
    held = 0
    counts = [10000] * (n // 10)
    if n % 10:
        counts.append(n % 10 * 1000)
    for count in counts:
        q, h = simulate(count)
        queued += q
        held += h
    print("richards", n, queued, held)


main()
