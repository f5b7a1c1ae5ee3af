-- The work queue narrows a status filter to the ranks those statuses have, so a filtered page is read in queue order
-- from authorization_case_work_queue (rank, time, id). Cases written before queue_rank existed got rank 1 whatever
-- their status; give each the rank of its status (QueuePosition.rank), as every change since has done.
update authorization_case
   set queue_rank = case when status in ('SUBMITTED', 'APPEALED') then 0
                         when status in ('PENDING_SUBMISSION', 'PENDED', 'DENIED') then 1
                         when status in ('APPROVED', 'PARTIALLY_APPROVED') then 2
                         else 3 end
 where queue_rank is distinct from case when status in ('SUBMITTED', 'APPEALED') then 0
                                        when status in ('PENDING_SUBMISSION', 'PENDED', 'DENIED') then 1
                                        when status in ('APPROVED', 'PARTIALLY_APPROVED') then 2
                                        else 3 end;
