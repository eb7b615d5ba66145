"""A paginator for admin lists of large tables, which never runs a full COUNT(*).

Counting a million rows in PostgreSQL reads every row (MVCC keeps no row count), so the
admin's usual "1,000,000 assessments" costs a scan on every page view. Instead:

* unfiltered, on PostgreSQL, the count is the planner's estimate from `pg_class`
  (`reltuples`, scaled to the table's current size, as the planner itself does);
* otherwise, rows are counted up to `cap` and no further, so a broad filter costs at
  most `cap` index entries.

Exact counts are kept whenever they are cheap: a small table, or a narrow filter. The
admin's pagination template reads `count_is_estimate` and `count_is_capped` to say
"about" or "more than" instead of pretending to be exact.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

ESTIMATE_SQL = """
    SELECT CASE
        WHEN c.reltuples < 0 OR c.relpages = 0 THEN NULL
        ELSE (c.reltuples / c.relpages
              * (pg_relation_size(c.oid) / current_setting('block_size')::integer))::bigint
    END
    FROM pg_class c WHERE c.oid = %s::regclass
"""


def estimated_row_count(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows in the queryset's table; None elsewhere, or
    when the table has not been analysed yet."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(ESTIMATE_SQL, [table])
        row = cursor.fetchone()
    return None if row is None or row[0] is None else int(row[0])


class LargeTablePaginator(Paginator):
    cap = 10_000

    count_is_estimate = False
    count_is_capped = False

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        if not queryset.query.has_filters() and not queryset.query.distinct:
            estimate = estimated_row_count(queryset)
            if estimate is not None and estimate > self.cap:
                self.count_is_estimate = True
                return estimate
        # Only primary keys, no ordering, no joins from select_related: the cheapest
        # query that can stop after cap + 1 rows.
        counted = queryset.order_by().values("pk")[: self.cap + 1].count()
        if counted > self.cap:
            self.count_is_capped = True
            return self.cap
        return counted
