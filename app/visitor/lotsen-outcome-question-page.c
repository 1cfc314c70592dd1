/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-outcome-question-page.c — "Do you work or study now?": asked
 * once after signing in, some months after the first visit (the rule is
 * LotsenVisit's), answered with one tap (win.answer-outcome). */

#include "config.h"

#include "lotsen-outcome-question-page.h"
#include "lotsen-tile.h"

struct _LotsenOutcomeQuestionPage
{
  GtkWidget  parent_instance;
};

G_DEFINE_FINAL_TYPE (LotsenOutcomeQuestionPage, lotsen_outcome_question_page, GTK_TYPE_WIDGET)

static void
lotsen_outcome_question_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_OUTCOME_QUESTION_PAGE);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_outcome_question_page_parent_class)->dispose (object);
}

static void
lotsen_outcome_question_page_class_init (LotsenOutcomeQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_outcome_question_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-outcome-question-page.ui");
}

static void
lotsen_outcome_question_page_init (LotsenOutcomeQuestionPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_outcome_question_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_OUTCOME_QUESTION_PAGE, NULL);
}
