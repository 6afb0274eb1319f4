"""coverage links to the Resolution 835 catalogue; the items each department is expected to hold

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coverage_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('catalogue_id', sa.String(length=20), nullable=False),
    sa.Column('department', sa.String(length=64), nullable=False),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('portal_url', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('department') as batch:
        batch.add_column(sa.Column('mandatory', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('department') as batch:
        batch.drop_column('mandatory')
    op.drop_table('coverage_link')
