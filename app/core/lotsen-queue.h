/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_TICKET_WAITING,
  LOTSEN_TICKET_CALLED,
  LOTSEN_TICKET_SERVING,
  LOTSEN_TICKET_DONE,
  LOTSEN_TICKET_NO_SHOW,
} LotsenTicketStatus;

typedef struct
{
  gint64    id;
  char     *prefix;          /* "A" */
  char     *pictogram;       /* icon name */
  char     *name;            /* in the asked language, or a fallback */
  char     *name_lang;       /* the language @name is in */
  int       default_minutes; /* service time assumed until there is history */
} LotsenService;

typedef struct
{
  gint64              id;
  char               *uuid;
  char               *label;            /* "A012" */
  char               *prefix;
  char               *day;              /* local date, YYYY-MM-DD */
  int                 number;
  char               *lang;             /* language the visitor used, or NULL */
  char               *interpreter_lang; /* NULL when no interpreter is asked for */
  gint64              visitor_id;       /* 0 when taken without a personal code */
  LotsenTicketStatus  status;
  gint64              created_at;
  gint64              called_at;        /* 0 when not called */
  gint64              finished_at;      /* 0 when not finished */
  int                 desk;             /* 0 when not called */
} LotsenTicket;

typedef struct
{
  int ahead;        /* tickets of the same service to be called first */
  int min_minutes;  /* the estimate as a range; both 0 when nobody is ahead */
  int max_minutes;
} LotsenWaitEstimate;

/* One call of a ticket to a desk, as the waiting room sees it. */
typedef struct
{
  gint64  ticket_id;
  char   *label;         /* "A012" */
  int     desk;
  char   *prefix;        /* the service's letter */
  char   *pictogram;     /* the service's icon name */
  char   *lang;          /* the language the ticket was taken in, or NULL */
  char   *service_sv;    /* the service's name in Swedish */
  char   *service_local; /* … and in @lang (Swedish when it has none) */
  gint64  called_at;     /* the last call's time */
  int     call_count;    /* 1 at the first call, then one more each call again */
} LotsenCall;

#define LOTSEN_MAX_DESK 99

#define LOTSEN_TYPE_CALL (lotsen_call_get_type ())
GType          lotsen_call_get_type           (void) G_GNUC_CONST;
LotsenCall    *lotsen_call_copy               (const LotsenCall    *call);
void           lotsen_call_free               (LotsenCall          *call);

void           lotsen_service_free            (LotsenService       *service);
void           lotsen_ticket_free             (LotsenTicket        *ticket);
const char    *lotsen_ticket_status_to_string (LotsenTicketStatus   status);

GPtrArray     *lotsen_queue_list_services     (LotsenStore         *store,
                                               const char          *lang,
                                               GError             **error);
LotsenService *lotsen_queue_get_service       (LotsenStore         *store,
                                               const char          *prefix,
                                               const char          *lang,
                                               GError             **error);
gboolean       lotsen_queue_add_service       (LotsenStore         *store,
                                               const char          *prefix,
                                               const char          *pictogram,
                                               int                  default_minutes,
                                               const char * const  *langs,
                                               const char * const  *names,
                                               GError             **error);

LotsenTicket  *lotsen_queue_take_ticket       (LotsenStore         *store,
                                               const char          *prefix,
                                               const char          *lang,
                                               GError             **error);
LotsenTicket  *lotsen_queue_take_ticket_for   (LotsenStore         *store,
                                               const char          *prefix,
                                               const char          *lang,
                                               gint64               visitor_id,
                                               GError             **error);
LotsenTicket  *lotsen_queue_get_ticket        (LotsenStore         *store,
                                               gint64               id,
                                               GError             **error);
LotsenTicket  *lotsen_queue_find_ticket       (LotsenStore         *store,
                                               const char          *label,
                                               GError             **error);
gboolean       lotsen_queue_set_interpreter   (LotsenStore         *store,
                                               gint64               ticket_id,
                                               const char          *lang,
                                               GError             **error);
GPtrArray     *lotsen_queue_list_waiting      (LotsenStore         *store,
                                               GError             **error);
LotsenTicket  *lotsen_queue_call_next         (LotsenStore         *store,
                                               int                  desk,
                                               const char          *prefix,
                                               GError             **error);
gboolean       lotsen_queue_finish            (LotsenStore         *store,
                                               const char          *label,
                                               LotsenTicketStatus   status,
                                               GError             **error);
gboolean       lotsen_queue_estimate_wait     (LotsenStore         *store,
                                               gint64               ticket_id,
                                               LotsenWaitEstimate  *estimate,
                                               GError             **error);

LotsenTicket  *lotsen_queue_recall            (LotsenStore         *store,
                                               const char          *label,
                                               GError             **error);
LotsenTicket  *lotsen_queue_transfer          (LotsenStore         *store,
                                               const char          *label,
                                               const char          *prefix,
                                               GError             **error);
GPtrArray     *lotsen_queue_list_calls        (LotsenStore         *store,
                                               guint                limit,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenCall, lotsen_call_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenService, lotsen_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenTicket, lotsen_ticket_free)

G_END_DECLS
