"""link checks: the answer of every link tried, per URL and day

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('link_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('url_sha256', sa.String(length=64), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('final_url', sa.Text(), nullable=True),
    sa.Column('redirects', sa.JSON(), nullable=False),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('size_capped', sa.Boolean(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=True),
    sa.Column('error', sa.String(length=40), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url_sha256', 'checked_on')
    )
    op.create_index(op.f('ix_link_check_checked_on'), 'link_check', ['checked_on'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_link_check_checked_on'), table_name='link_check')
    op.drop_table('link_check')
