package vn.motcua.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.tasks.Tasks.SourceForm;

/**
 * Enters tasks that were assigned and worked on before they reach this system (an office's register of assigned
 * tasks kept until then on paper or in a spreadsheet), each act on the day it happened. Every act goes through
 * {@link AssignedTask}'s own rules with that day as "today", so statuses and timelines are what the live system
 * would have written. Who may enter what is the caller's business: unlike {@link Tasks}, nothing here checks a
 * signed-in user, and no page or API reaches it.
 *
 * <p>A {@link PastTask} keeps the task in memory between acts, so a whole history costs one write per act. The
 * caller's transaction holds them all.
 */
@Service
public class PastTasks {

    private final TaskStore store;

    PastTasks(TaskStore store) {
        this.store = store;
    }

    /** Whether any task has been entered, here or live: a register is brought in once, into an empty list. */
    @Transactional(readOnly = true)
    public boolean anyTask() {
        return store.any();
    }

    /** Who did something, as the timeline records it; {@code username} is null for someone without an account. */
    public record Actor(String username, String name) {}

    /** A task as it was assigned; the assigning leader and the units are the caller's to have checked. */
    public record Assignment(String agencyCode, String title, String description, SourceForm source,
            long assignedBy, String assignedByName, String hostUnitCode, List<String> coordinatingUnitCodes,
            LocalDate assignedOn, LocalDate dueDate, Priority priority) {}

    /** Enters the assignment, recorded at {@code at}, by {@code by} (who entered it, e.g. the monitoring office). */
    @Transactional(propagation = Propagation.MANDATORY)
    public PastTask assign(Assignment a, Instant at, Actor by) {
        SourceForm source = a.source();
        AssignedTask task = AssignedTask.assign(a.agencyCode(), a.title(), a.description(),
                source == null ? null : new AssignedTask.Source(source.documentNumber(), source.documentDate(),
                        source.summary()),
                a.assignedBy(), a.assignedByName(), a.hostUnitCode(),
                a.coordinatingUnitCodes() == null ? List.of() : a.coordinatingUnitCodes(), a.assignedOn(),
                a.dueDate(), a.priority(), day(at), actor(by));
        store.save(task, at, by.username(), null);
        return new PastTask(task);
    }

    /** A task being entered; each act is saved at once, dated by its instant (in Vietnam). */
    public final class PastTask {

        private final AssignedTask task;

        private PastTask(AssignedTask task) {
            this.task = task;
        }

        public long id() {
            return task.id;
        }

        public String hostUnitCode() {
            return task.hostUnitCode;
        }

        public PastTask reportProgress(int percent, String note, Instant at, Actor by) {
            task.reportProgress(percent, note, day(at), actor(by));
            return save(at);
        }

        /** Completed on the day of {@code at}. */
        public PastTask complete(String resultSummary, String resultDocument, Instant at, Actor by) {
            task.complete(resultSummary, resultDocument, day(at), day(at), actor(by));
            return save(at);
        }

        /** Returns the request's number, for the decision. */
        public int requestExtension(LocalDate proposedDueDate, String reason, Instant at, Actor by) {
            int number = task.requestExtension(proposedDueDate, reason, at, day(at), actor(by)).number;
            save(at);
            return number;
        }

        public PastTask approveExtension(int number, String note, Instant at, Actor by) {
            task.approveExtension(number, note, day(at), actor(by));
            return save(at);
        }

        public PastTask denyExtension(int number, String note, Instant at, Actor by) {
            task.denyExtension(number, note, day(at), actor(by));
            return save(at);
        }

        private PastTask save(Instant at) {
            store.save(task, at, null, null);
            return this;
        }
    }

    private static LocalDate day(Instant at) {
        return at.atZone(Tasks.VIETNAM).toLocalDate();
    }

    private static AssignedTask.Actor actor(Actor by) {
        return new AssignedTask.Actor(by.username(), by.name());
    }
}
