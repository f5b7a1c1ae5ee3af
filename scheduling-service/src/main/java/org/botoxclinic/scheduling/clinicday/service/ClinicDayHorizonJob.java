package org.botoxclinic.scheduling.clinicday.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/** Nobody has to add the monthly clinic days by hand: they are generated at start and as the horizon rolls on. */
@ApplicationScoped
public class ClinicDayHorizonJob {

    private final ClinicDayService clinicDays;

    public ClinicDayHorizonJob(ClinicDayService clinicDays) {
        this.clinicDays = clinicDays;
    }

    void onStart(@Observes StartupEvent start) {
        clinicDays.generate();
    }

    // The start already generated the horizon, so the first roll comes one period later.
    @Scheduled(every = "${clinic.scheduling.clinic-days.generate-every:12h}",
            delayed = "${clinic.scheduling.clinic-days.generate-every:12h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenShuttingDown.class)
    void rollHorizon() {
        clinicDays.generate();
    }
}
